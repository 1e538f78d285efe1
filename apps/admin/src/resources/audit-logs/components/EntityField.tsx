import { Box, Link as MuiLink } from '@mui/material';
import type { MouseEvent } from 'react';
import { useCanAccess, useCreatePath, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { resourceOfEntity } from '../diff';
import type { AuditLog } from '../types';

/** The record the entry is about: its type, and its id linked to it when the panel has a page for it. */
export const EntityField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<AuditLog>();
  const createPath = useCreatePath();
  const resource = resourceOfEntity(record?.entityType) ?? '';
  const { canAccess } = useCanAccess({ resource: resource || 'audit-logs', action: 'show', enabled: !!resource });
  if (!record?.entityType && !record?.entityId) return <>—</>;
  const linked = resource && canAccess && record.entityId;
  return (
    <Box>
      <Box sx={{ whiteSpace: 'nowrap' }}>{record.entityType}</Box>
      {record.entityId && (
        <Box sx={{ fontFamily: 'monospace', fontSize: '0.75rem', color: 'text.secondary' }}>
          {linked ? (
            <MuiLink
              component={Link}
              to={createPath({ resource, id: record.entityId, type: 'show' })}
              onClick={(event: MouseEvent) => event.stopPropagation()}
              data-testid="audit-entity-link"
            >
              {record.entityId}
            </MuiLink>
          ) : (
            record.entityId
          )}
        </Box>
      )}
    </Box>
  );
};
