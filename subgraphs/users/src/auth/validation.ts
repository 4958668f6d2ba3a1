import { badUserInput } from '@poolgraph/platform';
import type { Role } from '@poolgraph/auth';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';

// One rule for emails across the platform (pools matches invitations with it).
export { normalizeEmail, validateEmail } from '@poolgraph/auth';

export function validatePassword(password: string, field = 'password'): string {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badUserInput(field, `must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw badUserInput(field, `must be at most ${MAX_PASSWORD_LENGTH} characters long.`);
  }
  return password;
}

export function validateName(name: string, field = 'name'): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) {
    throw badUserInput(field, 'must be between 1 and 200 characters.');
  }
  return trimmed;
}

const SELF_SERVICE_ROLES: Role[] = ['MANAGER', 'INVESTOR'];

export function validateSignUpRole(role: Role, field = 'input.role'): Role {
  if (!SELF_SERVICE_ROLES.includes(role)) throw badUserInput(field, 'must be MANAGER or INVESTOR.');
  return role;
}

/** A contact number as people write it; empty or null removes it. */
export function validatePhone(
  phone: string | null | undefined,
  field = 'input.phone',
): string | null {
  const trimmed = (phone ?? '').trim();
  if (trimmed === '') return null;
  if (!/^\+?[0-9 ()-]{6,32}$/.test(trimmed) || trimmed.length > 32) {
    throw badUserInput(
      field,
      'must be a phone number: digits, spaces, +, -, (, ), 6 to 32 characters.',
    );
  }
  return trimmed;
}
