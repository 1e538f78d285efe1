import { useCanAccess, useGetMany } from 'react-admin';

/**
 * The names of the staff behind these user ids, for people who may read users; others see the
 * actor's kind only. Unknown ids are simply missing from the answer.
 */
export const useUserNames = (ids: Array<string | null | undefined>): Record<string, string> => {
  const { canAccess } = useCanAccess({ resource: 'users', action: 'list' });
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
  const { data } = useGetMany<{ id: string; name: string }>(
    'users',
    { ids: unique },
    { enabled: canAccess === true && unique.length > 0, retry: false },
  );
  return Object.fromEntries((data ?? []).filter(Boolean).map((user) => [user.id, user.name]));
};
