import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { OmsDataProvider } from '../../providers/dataProvider';

/** `GET /api/permission-catalog`, read once per session: it only changes with a release. */
export const usePermissionCatalog = () => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  return useQuery({
    queryKey: ['permission-catalog'],
    queryFn: async () => (await dataProvider.getPermissionCatalog()).data,
    staleTime: Infinity,
  });
};
