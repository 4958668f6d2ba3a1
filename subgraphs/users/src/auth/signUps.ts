import { GraphQLError } from 'graphql';
import {
  badUserInput,
  conflict,
  ErrorCode,
  graphQLError,
  retryTransaction,
  uuidv7,
} from '@poolgraph/platform';
import type { Role } from '@poolgraph/auth';
import type { UsersDb } from '../db/index.ts';
import {
  deleteExpiredPendingSignUps,
  takePendingSignUp,
  upsertPendingSignUp,
} from '../data/pendingSignUps.ts';
import { insertUser, selectUserForLogin, selectUsersByIds } from '../data/users.ts';
import type { OwnerNotices } from '../services/ownerNotices.ts';
import type { PasswordHasher } from './passwords.ts';
import { hashSecret, isSecretShape, newSecret } from './secrets.ts';
import type { Session, SessionService } from './sessions.ts';
import type { SignUpThrottle } from './throttle.ts';

export interface SignUpRequest {
  email: string;
  password: string;
  name: string;
  role: Role;
}

export interface SignUpServiceDeps {
  db: UsersDb;
  sessions: SessionService;
  throttle: SignUpThrottle;
  passwords: PasswordHasher;
  notices: OwnerNotices;
  /** Whether an account exists only once its address is confirmed (production). */
  confirmsEmail: boolean;
  /** How long a confirmation link works. */
  linkTtlSeconds: number;
}

/** The client left before the work was done; nobody reads this, and it is not logged. */
const abandoned = () =>
  new GraphQLError('The client closed the request.', {
    extensions: { code: 'CLIENT_CLOSED_REQUEST' },
  });

/**
 * Sign-up, in one of two modes. Confirming by email (production), `requestSignUp` answers the
 * same for every well-formed request and a session exists only after `confirmSignUp`, so no
 * answer tells whether an address is registered. Without it (development, tests, the demo),
 * `signUp` creates the account at once and a registered address answers CONFLICT.
 */
export function createSignUpService({
  db,
  sessions,
  throttle,
  passwords,
  notices,
  confirmsEmail,
  linkTtlSeconds,
}: SignUpServiceDeps) {
  /** Counted per address before any work; `clientGone` aborts the hash for a caller who left. */
  async function hashPassword(password: string, clientAddress: string, clientGone: AbortSignal) {
    await throttle.admit(clientAddress);
    const passwordHash = await passwords.hash(password, clientGone).catch((error: unknown) => {
      throw clientGone.aborted ? abandoned() : error;
    });
    if (clientGone.aborted) throw abandoned();
    return passwordHash;
  }

  return {
    confirmsEmail,

    async signUp(input: SignUpRequest, clientAddress: string, clientGone: AbortSignal) {
      if (confirmsEmail) {
        throw graphQLError(
          ErrorCode.FORBIDDEN,
          'Sign-up confirms the email address first here: call requestSignUp, then confirmSignUp with the link it emails.',
          { use: 'requestSignUp' },
        );
      }
      const passwordHash = await hashPassword(input.password, clientAddress, clientGone);
      const user = { id: uuidv7(), email: input.email, name: input.name, roles: [input.role] };
      if (!(await insertUser(db, { ...user, passwordHash }))) {
        // The owner hears of it by email, whoever asked.
        notices.signUpAttempted(input.email);
        throw conflict('An account with this email already exists.');
      }
      const [created] = await selectUsersByIds(db, [user.id]);
      return sessions.start(created!);
    },

    /**
     * The same answer, and the same work (one argon2 hash) before it, for a fresh and a
     * registered address; only the email differs: a link for a fresh one, a notice for the
     * registered one's owner. Both are sent in the background.
     */
    async requestSignUp(input: SignUpRequest, clientAddress: string, clientGone: AbortSignal) {
      const passwordHash = await hashPassword(input.password, clientAddress, clientGone);
      const now = new Date();
      const expiresAt = new Date(now.getTime() + linkTtlSeconds * 1000);
      await deleteExpiredPendingSignUps(db, now);
      const registered = (await selectUserForLogin(db, input.email)) !== undefined;
      const mayEmail = await throttle.mayEmail(input.email);
      // Past the email budget nothing changes, so the last link mailed keeps working.
      if (registered && mayEmail) notices.signUpAttempted(input.email);
      if (!registered && mayEmail) {
        const token = newSecret();
        await upsertPendingSignUp(db, {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          tokenHash: hashSecret(token),
          expiresAt,
        });
        notices.confirmSignUp(input.email, token, expiresAt);
      }
      return { email: input.email, expiresAt };
    },

    /** Creates the account a link names and signs it in; a link works once. */
    async confirmSignUp(token: string): Promise<Session> {
      const userId = !isSecretShape(token)
        ? undefined
        : await retryTransaction(() =>
            db.transaction(async (tx) => {
              const pending = await takePendingSignUp(tx, hashSecret(token));
              if (!pending || pending.expiresAt <= new Date()) return undefined;
              const id = uuidv7();
              const { email, name, role, passwordHash } = pending;
              // Registered meanwhile (an import, or the admin command): the link is spent.
              const created = await insertUser(tx, {
                id,
                email,
                name,
                roles: [role],
                passwordHash,
              });
              return created ? id : undefined;
            }),
          );
      if (!userId) {
        throw badUserInput(
          'token',
          'this confirmation link is not valid: it was used, replaced by a newer one, or has expired. Sign up again.',
        );
      }
      const [user] = await selectUsersByIds(db, [userId]);
      return sessions.start(user!);
    },
  };
}

export type SignUpService = ReturnType<typeof createSignUpService>;
