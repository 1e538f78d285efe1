/** PostgreSQL's SQLSTATE of a failed query (e.g. `23505` unique violation), or undefined. */
export function pgErrorCode(error: unknown): string | undefined {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs a write that may collide with a unique index, and turns the collision into the
 * domain's own error (which names the field); any other failure passes through.
 */
export async function onUniqueViolation<T>(write: () => Promise<T>, collision: () => Error): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw collision();
    throw e;
  }
}
