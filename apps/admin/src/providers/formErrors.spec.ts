import { toFormErrors } from './formErrors';

describe('server validation errors as form errors', () => {
  it('puts each field message under its input, nested paths included', () => {
    expect(
      toFormErrors({
        code: 'roles.invalid_permissions',
        details: {
          fields: [
            { field: 'permissions[2].conditions.warehouseId', message: 'unknown field' },
            { field: 'name', message: 'must not be empty' },
          ],
        },
      }),
    ).toEqual({ permissions: { '2': { conditions: { warehouseId: 'unknown field' } } }, name: 'must not be empty' });
  });

  it('shows a nested error on its top-level input unless that input shows nested errors', () => {
    expect(
      toFormErrors({ code: 'validation.failed', details: { fields: [{ field: 'warehouseIds[1]', message: 'must be a UUID' }] } }),
    ).toEqual({ warehouseIds: 'must be a UUID' });
  });

  it('shows the translated code where it says it all, once per field', () => {
    expect(
      toFormErrors({
        code: 'users.weak_password',
        details: {
          fields: [
            { field: 'password', message: 'is too common' },
            { field: 'password', message: 'must mix letters with digits or symbols' },
          ],
        },
      }),
    ).toEqual({ password: 'errors.users.weak_password' });
  });

  it('joins several server messages for one field', () => {
    expect(
      toFormErrors({
        code: 'validation.failed',
        details: { fields: [{ field: 'email', message: 'is required' }, { field: 'email', message: 'is not an email' }] },
      }),
    ).toEqual({ email: 'is required; is not an email' });
  });

  it('places field-less codes on their input and leaves other errors alone', () => {
    expect(toFormErrors({ code: 'users.cannot_disable_self' })).toEqual({ active: 'errors.users.cannot_disable_self' });
    expect(toFormErrors({ code: 'roles.in_use' })).toBeUndefined();
    expect(toFormErrors({})).toBeUndefined();
  });
});
