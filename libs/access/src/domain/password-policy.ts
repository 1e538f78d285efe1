/** Common choices attackers try first; a longer list belongs to a breach corpus, not here. */
const COMMON = new Set([
  'password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'qwerty123456', 'iloveyou123',
  'administrator', 'letmein123', 'welcome123', 'abc1234567', '1q2w3e4r5t', 'changeme123', 'admin12345',
]);

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * The password policy (NIST SP 800-63B style): long enough, not a well-known password, not
 * the user's own email, not one repeated character, and mixing letters with digits or symbols.
 * Returns what is wrong, in words a user can act on; empty when the password is acceptable.
 */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('is too common');
  if (/^(.)\1*$/.test(password)) problems.push('must not repeat one character');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) problems.push('must not contain the email address');
  if (!/\p{L}/u.test(password) || !/[^\p{L}]/u.test(password)) {
    problems.push('must mix letters with digits or symbols');
  }
  return problems;
}
