/**
 * Server validation errors as react-admin form errors. A rejected save whose error body has
 * `errors` (an object shaped like the form) puts each message under its input; the API sends
 * them as `details.fields: [{ field, message }]`, with paths like `permissions[2].conditions`.
 */
export type FormErrors = { [key: string]: string | FormErrors };

/** Codes whose translation says everything the user needs: shown instead of the server's words. */
const TRANSLATED = new Set([
  'auth.wrong_password',
  'users.weak_password',
  'users.email_taken',
  'users.unknown_role',
  'roles.name_taken',
  'products.sku_taken',
  'products.barcode_taken',
]);

/** Codes about one input that the server sends without `details.fields`. */
const FIELD_OF_CODE: Record<string, string> = {
  'users.cannot_disable_self': 'active',
};

/**
 * Inputs that show errors below themselves (the permission editor, per rule). Any other
 * path is shown on its top-level input: an error on a path no input owns would never clear.
 */
const NESTED = new Set(['permissions']);

const pathOf = (field: string): string[] => {
  const path = field.split(/[.[\]]+/).filter(Boolean);
  return NESTED.has(path[0]) ? path : path.slice(0, 1);
};

const put = (tree: FormErrors, path: string[], message: string): void => {
  const [head, ...rest] = path;
  const current = tree[head];
  if (rest.length === 0) {
    if (current === undefined) tree[head] = message;
    else if (typeof current === 'string' && !current.split('; ').includes(message)) tree[head] = `${current}; ${message}`;
    return;
  }
  // A message already on the parent wins over details below it: the input shows one text.
  if (typeof current === 'string') return;
  const child = current ?? {};
  tree[head] = child;
  put(child, rest, message);
};

export const toFormErrors = (body: { code?: string; details?: unknown }): FormErrors | undefined => {
  const { code } = body;
  const fields = (body.details as { fields?: unknown } | null | undefined)?.fields;
  const entries: Array<[string, string]> = [];
  if (Array.isArray(fields)) {
    for (const item of fields as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof item?.field !== 'string' || item.field === '') continue;
      const serverText = typeof item.message === 'string' && item.message !== '' ? item.message : undefined;
      const translated = code ? `errors.${code}` : 'errors.validation.failed';
      entries.push([item.field, code && TRANSLATED.has(code) ? translated : (serverText ?? translated)]);
    }
  } else if (code && FIELD_OF_CODE[code]) {
    entries.push([FIELD_OF_CODE[code], `errors.${code}`]);
  }
  if (entries.length === 0) return undefined;
  const tree: FormErrors = {};
  for (const [field, message] of entries) {
    const path = pathOf(field);
    if (path.length > 0) put(tree, path, message);
  }
  return tree;
};
