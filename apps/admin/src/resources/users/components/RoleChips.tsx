import { ChipField, ReferenceArrayField, SingleFieldList, useCanAccess } from 'react-admin';

/**
 * The user's roles as chips, linked to the roles (when the viewer may open them) unless `link`
 * is false. Someone who may read users but not roles sees no chips rather than an error.
 */
export const RoleChips = ({ link = true }: { label?: string; link?: boolean }) => {
  const { canAccess } = useCanAccess({ resource: 'roles', action: 'list' });
  if (!canAccess) return null;
  return (
    <ReferenceArrayField source="roleIds" reference="roles">
      <SingleFieldList linkType={link ? undefined : false} sx={{ gap: 0.5 }}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
};
