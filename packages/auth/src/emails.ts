import { badUserInput } from '@poolgraph/platform';

// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is proven by use.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The one form an email is stored, compared (byte for byte: the columns are utf8mb4_bin) and
 * throttled in: NFKC (so the fullwidth `ａ` is `a`), lower case, trimmed. `Ann@Example.com` and
 * `ａnn@example.com` are one account; `ánn@example.com` is another. Shared by users (accounts)
 * and pools (email invitations), so an invitation matches the account it was sent to.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').toLowerCase().normalize('NFKC').trim();
}

export function validateEmail(email: string, field = 'email'): string {
  const normalized = normalizeEmail(email);
  if (normalized.length > 254 || !EMAIL.test(normalized)) {
    throw badUserInput(field, 'must be a valid email address.');
  }
  return normalized;
}
