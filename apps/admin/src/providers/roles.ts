import { HttpError, type DataProvider, type RaRecord } from 'react-admin';
import { compactRules, expandRules, type EditableRule } from '../resources/roles/permissions';
import type { FormErrors } from './formErrors';

/**
 * The roles resource as the permission editor wants it: rules naming several actions or
 * subjects are split on the way in and merged again on the way out (see roles/permissions.ts).
 * The server's errors about `permissions[i]` are put back on the editor's rules behind rule i.
 */
const expand = <T extends RaRecord>(record: T): T =>
  Array.isArray(record.permissions) ? { ...record, permissions: expandRules(record.permissions) } : record;

const remapErrors = (error: unknown, origin: number[][]): unknown => {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as { errors?: FormErrors } | undefined;
  const byRule = body?.errors?.permissions;
  if (!byRule || typeof byRule === 'string') return error;
  const remapped: FormErrors = {};
  for (const [index, detail] of Object.entries(byRule)) {
    for (const member of origin[Number(index)] ?? [0]) remapped[String(member)] = detail;
  }
  return new HttpError(error.message, error.status, { ...body, errors: { ...body.errors, permissions: remapped } });
};

const write = async <T>(data: Partial<RaRecord>, send: (data: Partial<RaRecord>) => Promise<T>): Promise<T> => {
  if (!Array.isArray(data.permissions)) return send(data);
  const { rules, origin } = compactRules(data.permissions as EditableRule[]);
  try {
    return await send({ ...data, permissions: rules });
  } catch (error) {
    throw remapErrors(error, origin);
  }
};

export const withRoles = (base: DataProvider): DataProvider => {
  const isRoles = (resource: string) => resource === 'roles';
  return {
    ...base,
    async getList(resource, params) {
      const result = await base.getList(resource, params);
      return isRoles(resource) ? { ...result, data: result.data.map(expand) } : result;
    },
    async getOne(resource, params) {
      const result = await base.getOne(resource, params);
      return isRoles(resource) ? { ...result, data: expand(result.data) } : result;
    },
    async getMany(resource, params) {
      const result = await base.getMany(resource, params);
      return isRoles(resource) ? { ...result, data: result.data.map(expand) } : result;
    },
    async create(resource, params) {
      if (!isRoles(resource)) return base.create(resource, params);
      const result = await write(params.data, (data) => base.create(resource, { ...params, data }));
      return { ...result, data: expand(result.data) };
    },
    async update(resource, params) {
      if (!isRoles(resource)) return base.update(resource, params);
      const result = await write(params.data, (data) => base.update(resource, { ...params, data }));
      return { ...result, data: expand(result.data) };
    },
  } as DataProvider;
};
