import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserRow } from '../data/users.ts';
import type { ApiKeyRow, ApiKeyCreatedRow } from '../data/apiKeys.ts';
import type { PayoutDetailsView } from '../services/payoutDetails.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in ISO 8601, always returned in UTC, e.g. "2026-01-31T12:00:00.000Z". */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * A partner integration's credential, sent as the `x-api-key` header. Its secret is shown once,
 * at creation; Poolgraph keeps only a hash of it.
 */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The manager whose pools a DELEGATED key reads (who issued it); null for a PLATFORM key. */
  delegatedBy?: Maybe<User>;
  /** When the key stops working by itself; null if it works until revoked. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier (a UUID); also the session id of the access tokens the key is exchanged for. */
  id: Scalars['ID']['output'];
  /**
   * PLATFORM (an admin's key, reading what partners may see platform-wide) or DELEGATED (a
   * manager's key, reading that manager's pools only).
   */
  kind: ApiKeyKind;
  /** When the key was last used, to within about a minute; null if never. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who or what uses the key, as the admin named it (1 to 100 characters). */
  name: Scalars['String']['output'];
  /** The issuer's note about the key (what it is for, whom to ask), up to 500 characters. */
  note?: Maybe<Scalars['String']['output']>;
  /**
   * The pools a DELEGATED key is limited to; null when it reads all of its manager's pools
   * (pools created later included), and for a PLATFORM key.
   */
  poolIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** The first 12 characters of the secret ("pgk_" and 8 more), to tell keys apart. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; null while it works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key may do: pools:read, ledger:read, ledger:write, reports:read. */
  scopes: Array<Scalars['String']['output']>;
};

/** A page of partner API keys, newest first. */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  /** The keys with their cursors. */
  edges: Array<ApiKeyEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** A new API key and its secret. The secret is not stored and cannot be shown again. */
export type ApiKeyCreated = {
  __typename?: 'ApiKeyCreated';
  /** The key as lists show it. */
  apiKey: ApiKey;
  /** Send it as the `x-api-key` header ("pgk_" and 43 characters). Shown only now. */
  secret: Scalars['String']['output'];
};

/** One API key in a page. */
export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** Pass as `after` to continue with older keys. */
  cursor: Scalars['String']['output'];
  /** The key. */
  node: ApiKey;
};

/** Whose data a partner API key reads. */
export type ApiKeyKind =
  /**
   * Issued by a pool manager: reads that manager's pools (all of them, or the ones listed) as
   * the manager sees them, within its scopes, and nothing of any other pool.
   */
  | 'DELEGATED'
  /**
   * Issued by an admin: reads what partners may see across the platform (OPEN listed pools,
   * platform reports), within its scopes.
   */
  | 'PLATFORM';

/** One mutation this subgraph served, as its audit log keeps it (never its variables). */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /**
   * The user or partner API key that called (for signUp and logIn: the account signed in); null
   * when the caller stayed anonymous (a failed logIn).
   */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** The caller's roles at the time. */
  actorRoles: Array<Scalars['String']['output']>;
  /** When the mutation finished. */
  at: Scalars['DateTime']['output'];
  /**
   * Each executed field with its arguments' shape and never their values (no password, token,
   * key or email), e.g. "signUp(input: {email, password, name, role})".
   */
  calls: Array<Scalars['String']['output']>;
  /** The caller's address, as the gateway saw it. */
  clientAddress: Scalars['String']['output'];
  /** The operation name the client sent: its claim, not checked against what ran; null if none. */
  clientOperationName?: Maybe<Scalars['String']['output']>;
  /** The Mutation fields of this subgraph that executed (after @include/@skip), in order. */
  fields: Array<Scalars['String']['output']>;
  /** Increasing id within this subgraph's log; pass it as `before` for older entries. */
  id: Scalars['ID']['output'];
  /**
   * What ran, built by this subgraph from the fields that executed: "mutation createPool", or
   * "mutation (nothing ran)" when the request failed before executing.
   */
  operation: Scalars['String']['output'];
  /** "ok", or the error codes of the response, comma-separated. */
  outcome: Scalars['String']['output'];
  /** The request id (x-request-id) the gateway gave the request. */
  requestId: Scalars['String']['output'];
};

/** A page of a subgraph's audit log, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The entries with their cursors. */
  edges: Array<AuditEntryEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One audit entry in a page. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Pass as `after` to continue with older entries. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AuditEntry;
};

/** A fresh session: a short-lived access token and a rotating refresh token. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** An EdDSA-signed JWT to send as "Authorization: Bearer <token>"; valid for at most 15 minutes. */
  accessToken: Scalars['String']['output'];
  /** Exchange it once with refreshSession for a new pair. Reusing a spent one ends the session. */
  refreshToken: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** What requestEmailChange answers: the same whether the new address is free or taken. */
export type EmailChangeRequested = {
  __typename?: 'EmailChangeRequested';
  /** The new address (NFKC, lower case), which the link was sent to if it is free. */
  email: Scalars['String']['output'];
  /** Until when the link works. */
  expiresAt: Scalars['DateTime']['output'];
};

/** What startLogIn answers: a session, or the challenge of a second step. */
export type LogInStep = AuthPayload | SecondFactorChallenge;

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Changes the caller's password after checking the current one (counted as a login attempt:
   * a wrong one is BAD_USER_INPUT on currentPassword, and the login throttle applies). Every
   * session of the account ends, this one included, and the answer is a fresh session for this
   * device; the account's address is told by email.
   */
  changePassword: AuthPayload;
  /**
   * Makes a requestEmailChange link's address the account's login and tells the old address. A
   * used, replaced or expired token, or an address another account took meanwhile, is
   * BAD_USER_INPUT (field "token").
   */
  confirmEmailChange: Scalars['Boolean']['output'];
  /**
   * Creates the account a requestSignUp link names and signs it in. A link works once; a used,
   * replaced or expired one answers BAD_USER_INPUT (field "token").
   */
  confirmSignUp: AuthPayload;
  /**
   * Turns TOTP on with the first code the app shows (BAD_USER_INPUT "code" otherwise, throttled as
   * finishLogIn): answers the recovery codes, once, and a fresh session; every other session of
   * the account ends and its address is told by email.
   */
  confirmTotpEnrolment: TotpEnabled;
  /**
   * ADMIN only: creates a PLATFORM partner API key with a name (1 to 100 characters) and scopes,
   * each one of pools:read, ledger:read, ledger:write, reports:read, listed once; optionally an
   * expiry (at least a minute ahead) and a note (up to 500 characters). The secret is in the
   * answer and nowhere else.
   * Needs a second factor proven within 5 minutes when the account has one or must have one (else
   * FORBIDDEN with extensions.use = "stepUp").
   */
  createApiKey: ApiKeyCreated;
  /**
   * MANAGER only: creates a DELEGATED partner key that reads the caller's pools (all, or the ones
   * listed) and nothing else, with scopes the caller holds. A scope the caller lacks is FORBIDDEN;
   * a pool that is not the caller's is BAD_USER_INPUT (poolIds); past 50 working keys, CONFLICT.
   * The secret is in the answer and nowhere else. Needs a recent second factor like createApiKey.
   */
  createPartnerKey: ApiKeyCreated;
  /**
   * Turns TOTP off with the current password and a current code or a recovery code; its recovery
   * codes stop working and the address is told. FORBIDDEN for an account that must have one.
   */
  disableTotp: User;
  /**
   * The second step of startLogIn: the challenge and a current TOTP code (or an unused recovery
   * code, which is then spent). A code is accepted once. A wrong code is BAD_USER_INPUT ("code");
   * code attempts are throttled per account and address (5 per 15 minutes, then RATE_LIMITED);
   * after 5 wrong codes, or after 5 minutes, the challenge is void (UNAUTHENTICATED: log in again).
   */
  finishLogIn: AuthPayload;
  /**
   * ADMIN only, for importers: the accounts holding these external ids (the ids records had in an
   * imported dataset), in the order given, creating missing ones with `role` (INVESTOR or
   * MANAGER, default INVESTOR) and no password (they cannot log in until admin:create promotes
   * them). Idempotent. At most 10,000 distinct ids, each 1 to 64 printable ASCII characters.
   */
  importUsers: Array<User>;
  /**
   * Signs in. Throttled per client address and account, shared by every replica (15-minute
   * windows): 5 attempts per (email, address) pair, then RATE_LIMITED for that pair only; past
   * 20 attempts on an account from anywhere, its logins are paced to one per second, and past 100
   * from one address, that address's to ten per second; a paced login waits up to 5 s for its
   * turn, then gets RATE_LIMITED. A successful login does not count. So guessing is capped while
   * nobody can lock a victim who knows their password out. Emails are compared after NFKC and
   * lower-casing. An account with a second factor answers FORBIDDEN after a right password, naming
   * startLogIn (extensions.use = "startLogIn"): log such accounts in with startLogIn.
   */
  logIn: AuthPayload;
  /** Ends the session the refresh token belongs to. True when a session was ended. */
  logOut: Scalars['Boolean']['output'];
  /** Exchanges a refresh token for a new pair. The old one is spent; presenting it again revokes the whole session. */
  refreshSession: AuthPayload;
  /**
   * Starts a change of the caller's login address: after checking the current password, the new
   * address is emailed a link (24 hours, works once) unless another account has it; the answer is
   * the same either way. The account keeps its address until the link is followed.
   */
  requestEmailChange: EmailChangeRequested;
  /**
   * Emails a link to set a new password (30 minutes, works once; asking again replaces it) if
   * the address has an account. Always answers true, so it tells nobody whether it has one. At
   * most 5 emailed links per address per 15 minutes.
   */
  requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Starts a sign-up that confirms its email: the same answer for every well-formed input, so it
   * never tells whether an address is registered. A fresh address is emailed a link that creates
   * the account (confirmSignUp) and works once for 24 hours; asking again replaces the link. A
   * registered address's owner is emailed that someone tried. Both are throttled: sign-ups per
   * client address as signUp, and at most 5 such emails per address per 15 minutes.
   */
  requestSignUp: SignUpRequested;
  /**
   * Sets a new password with a requestPasswordReset link's token, ends every session of the
   * account and signs in. A used, replaced or expired token is BAD_USER_INPUT (field "token").
   */
  resetPassword: AuthPayload;
  /**
   * Revokes a key: an ADMIN any key, a MANAGER the keys they issued (any other is NOT_FOUND).
   * Within 2 seconds every gateway and subgraph refuses it and the access tokens it was exchanged
   * for. Revoking a revoked key changes nothing and returns it.
   */
  revokeApiKey: ApiKey;
  /**
   * Ends one of the caller's own sessions: its refresh token at once, its access tokens everywhere
   * within seconds. False when the id is not a live session of the caller's.
   */
  revokeSession: Scalars['Boolean']['output'];
  /**
   * Sets the caller's bank account for payouts (INVESTOR or MANAGER): kept encrypted, shown
   * masked, told to the account's address by email. Needs a step-up when the account has or must
   * have a second factor (FORBIDDEN with extensions.use = "stepUp"). A bad IBAN (checksum, length),
   * BIC or name is BAD_USER_INPUT naming the field.
   */
  setPayoutDetails: PayoutDetails;
  /**
   * The caller's own setting "require a second factor for payouts and API keys": on, those
   * operations need a fresh second factor even before TOTP is on (so it must be turned on first).
   * Turning it off needs a step-up itself while it is on.
   */
  setSecondFactorRequired: User;
  /**
   * Creates an account and signs it in, where sign-up does not confirm the email first
   * (development, tests, the demo); a registered email then answers CONFLICT. Where it does
   * (production), this answers FORBIDDEN for every input, naming requestSignUp
   * (extensions.use = "requestSignUp").
   */
  signUp: AuthPayload;
  /**
   * Signs in, in one step or two: as logIn (same throttle and messages), but an account with a
   * second factor gets a SecondFactorChallenge to answer with finishLogIn instead of a session.
   */
  startLogIn: LogInStep;
  /**
   * Starts turning on TOTP for the caller: a new secret to add to an authenticator app. Replaces
   * an enrolment not yet confirmed; CONFLICT when TOTP is already on.
   */
  startTotpEnrolment: TotpEnrolment;
  /**
   * Proves the second factor again (a current TOTP code or a recovery code): a new access token
   * for this session with which, for 5 minutes, payouts can be confirmed, payout details changed
   * and API keys created. Throttled as finishLogIn. FORBIDDEN without TOTP on.
   */
  stepUp: StepUpPayload;
  /** Changes the caller's name and contact number. */
  updateProfile: User;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationConfirmEmailChangeArgs = {
  token: Scalars['String']['input'];
};


export type MutationConfirmSignUpArgs = {
  token: Scalars['String']['input'];
};


export type MutationConfirmTotpEnrolmentArgs = {
  code: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  scopes: Array<Scalars['String']['input']>;
};


export type MutationCreatePartnerKeyArgs = {
  input: PartnerKeyInput;
};


export type MutationDisableTotpArgs = {
  code: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationFinishLogInArgs = {
  challenge: Scalars['String']['input'];
  code: Scalars['String']['input'];
};


export type MutationImportUsersArgs = {
  externalIds: Array<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
};


export type MutationLogInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationLogOutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRequestEmailChangeArgs = {
  currentPassword: Scalars['String']['input'];
  newEmail: Scalars['String']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationRequestSignUpArgs = {
  input: SignUpInput;
};


export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetPayoutDetailsArgs = {
  input: PayoutDetailsInput;
};


export type MutationSetSecondFactorRequiredArgs = {
  required: Scalars['Boolean']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartLogInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationStepUpArgs = {
  code: Scalars['String']['input'];
};


export type MutationUpdateProfileArgs = {
  input: ProfileInput;
};

/**
 * Where a page of a connection starts and ends (the graph's one pagination shape, declared
 * identically by every subgraph). Cursors are opaque; pass endCursor as `after` for the next page.
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor, or null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page started after a cursor, so items come before it (pages go forward only). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor, or null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A partner key a manager issues for their own pools. */
export type PartnerKeyInput = {
  /** When the key stops working by itself, at least a minute ahead; null: until revoked. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Who or what uses the key (1 to 100 characters), e.g. "Fund administrator". */
  name: Scalars['String']['input'];
  /** A note for the manager's own records, up to 500 characters (line breaks kept). */
  note?: InputMaybe<Scalars['String']['input']>;
  /**
   * The pools the key may read, 1 to 100 of the manager's own; null or left out: all of the
   * manager's pools, including pools created later.
   */
  poolIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * What the key may do, each listed once; only scopes the manager holds: pools:read,
   * ledger:read, reports:read, ledger:write (recordContribution in the key's pools).
   */
  scopes: Array<Scalars['String']['input']>;
};

/** The bank account a user's payouts go to, as the graph shows it: the IBAN masked. */
export type PayoutDetails = {
  __typename?: 'PayoutDetails';
  /** The name the account is held in. */
  accountHolder: Scalars['String']['output'];
  /** The bank's BIC (8 or 11 characters). */
  bic: Scalars['String']['output'];
  /** The IBAN's last four characters. */
  ibanLast4: Scalars['String']['output'];
  /** The IBAN's country and last four characters, e.g. "DE•• •••• 3000". */
  maskedIban: Scalars['String']['output'];
  /** When they were last set. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A bank account for payouts. */
export type PayoutDetailsInput = {
  /** The name the account is held in, 1 to 140 characters. */
  accountHolder: Scalars['String']['input'];
  /** The bank's BIC, 8 or 11 characters. */
  bic: Scalars['String']['input'];
  /** The IBAN; spaces and lower case are fine. Its check digits must hold. */
  iban: Scalars['String']['input'];
};

/** What a user may change about themself without proving anything more. */
export type ProfileInput = {
  /** Display name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** A contact number: digits, spaces, +, -, (, ), 6 to 32 characters; null or empty removes it. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * Partner API keys, newest first, revoked and expired ones included: every key for an ADMIN,
   * the keys they issued for a MANAGER.
   * @deprecated Use apiKeysConnection.
   */
  apiKeys: Array<ApiKey>;
  /**
   * Partner API keys, newest first (by creation, then id), revoked and expired ones included, a
   * page at a time: every key for an ADMIN, the keys they issued for a MANAGER. `first` 1 to 200
   * (default 50), after the cursor `after` (an endCursor of this field).
   */
  apiKeysConnection: ApiKeyConnection;
  /** The signed-in user, or null without a valid token. */
  me?: Maybe<User>;
  /**
   * The caller's own sessions that can still refresh, newest first (not for partner keys).
   * @deprecated Use mySessionsConnection.
   */
  mySessions: Array<UserSession>;
  /**
   * The caller's own sessions that can still refresh, newest first (by id, which orders them by
   * start), a page at a time (not for partner keys). `first` 1 to 200 (default 50), after the
   * cursor `after` (an endCursor of this field).
   */
  mySessionsConnection: UserSessionConnection;
  /** A user by id. Any signed-in caller; fields are filtered by the rules on User. */
  user?: Maybe<User>;
  /**
   * ADMIN only: the mutations this subgraph served, newest first (first 1 to 500, default 50).
   * @deprecated Use usersAuditLogConnection.
   */
  usersAuditLog: Array<AuditEntry>;
  /**
   * ADMIN only: the mutations this subgraph served, newest first: `first` 1 to 500 (default 50),
   * after the cursor `after` (an endCursor of this field).
   */
  usersAuditLogConnection: AuditEntryConnection;
};


export type QueryApiKeysConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMySessionsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersAuditLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUsersAuditLogConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What a user may do. A user can hold several roles. */
export type Role =
  /** Operates the platform: sees everything. */
  | 'ADMIN'
  /** Joins pools and moves money into and out of them. */
  | 'INVESTOR'
  /** Creates and runs pools. */
  | 'MANAGER'
  /** A partner integration calling with an API key. */
  | 'PARTNER';

/** The password was right and the account has a second factor: answer with finishLogIn. */
export type SecondFactorChallenge = {
  __typename?: 'SecondFactorChallenge';
  /** Opaque; send it with a code to finishLogIn. Works once, for 5 minutes. */
  challenge: Scalars['String']['output'];
  /** Until when it works. */
  expiresAt: Scalars['DateTime']['output'];
};

/** Whether and how an account proves a second factor (a code from an authenticator app). */
export type SecondFactorStatus = {
  __typename?: 'SecondFactorStatus';
  /** TOTP is on: logging in takes a code (startLogIn, finishLogIn). */
  enabled: Scalars['Boolean']['output'];
  /** When it was turned on; null while off. */
  enabledAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The account must have one (ADMIN, where administrators must): until it does, its access tokens
   * do not carry the ADMIN role, and it cannot be turned off.
   */
  mustEnrol: Scalars['Boolean']['output'];
  /** Recovery codes not yet used (10 when TOTP is turned on); 0 while off. */
  recoveryCodesLeft: Scalars['Int']['output'];
  /** The user's own setting: those operations need a second factor even before one is enrolled. */
  requireSetting: Scalars['Boolean']['output'];
  /**
   * Confirming payouts, changing payout details and creating API keys need a code proven within
   * the last 5 minutes (stepUp): when enabled, mustEnrol or requireSetting.
   */
  requiredForSensitiveOperations: Scalars['Boolean']['output'];
};

/** A new account. Only MANAGER and INVESTOR can be chosen at sign-up. */
export type SignUpInput = {
  /** A valid address; stored in lower case and unique on the platform. */
  email: Scalars['String']['input'];
  /** Display name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** At least 12 characters. */
  password: Scalars['String']['input'];
  /** MANAGER or INVESTOR. */
  role: Role;
};

/** What requestSignUp answers: the same for every address, registered or not. */
export type SignUpRequested = {
  __typename?: 'SignUpRequested';
  /** The address the email went to, as it will be stored (NFKC, lower case). */
  email: Scalars['String']['output'];
  /** Until when the link works, if this address had no account. */
  expiresAt: Scalars['DateTime']['output'];
};

/** A fresh access token for the caller's session carrying a second factor proven now. */
export type StepUpPayload = {
  __typename?: 'StepUpPayload';
  /** Use it instead of the previous access token; the refresh token stays the same. */
  accessToken: Scalars['String']['output'];
  /** Until when operations that need a fresh second factor accept it (5 minutes). */
  validUntil: Scalars['DateTime']['output'];
};

/** TOTP is on. Every other session of the account has ended; this device has a fresh one. */
export type TotpEnabled = {
  __typename?: 'TotpEnabled';
  /**
   * Ten single-use codes that each stand in for a TOTP code once (a lost phone). Shown only now;
   * Poolgraph keeps only hashes of them.
   */
  recoveryCodes: Array<Scalars['String']['output']>;
  /** The new session for this device, which has just proven the second factor. */
  session: AuthPayload;
};

/**
 * A TOTP enrolment under way: add the secret to an authenticator app (the uri as a QR code, or the
 * secret typed in), then confirm with the first code it shows (confirmTotpEnrolment).
 */
export type TotpEnrolment = {
  __typename?: 'TotpEnrolment';
  /** The secret in base32, for typing into the app by hand. */
  secret: Scalars['String']['output'];
  /** The otpauth://totp/ URI authenticator apps read from a QR code (SHA-1, 6 digits, 30 s). */
  uri: Scalars['String']['output'];
};

/** A person or integration with an account on Poolgraph. */
export type User = {
  __typename?: 'User';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Login email, normalized to lower case. Visible to the user themself and to admins. */
  email: Scalars['String']['output'];
  /** The id this record had in an imported dataset. ADMIN only; null otherwise. */
  externalId?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /** Display name. Visible to any signed-in caller. */
  name: Scalars['String']['output'];
  /**
   * The bank account the user's payouts go to, masked: the user themself and admins; null for
   * others and when none is set.
   */
  payoutDetails?: Maybe<PayoutDetails>;
  /**
   * A contact number from the user's profile, as they typed it. The user themself and admins;
   * null for others.
   */
  phone?: Maybe<Scalars['String']['output']>;
  /** What the user may do on the platform. */
  roles: Array<Role>;
  /** The account's second factor (TOTP): the user themself and admins; null for others. */
  secondFactor?: Maybe<SecondFactorStatus>;
};

/** A signed-in session of the caller's account: one login (or sign-up), kept alive by refreshing. */
export type UserSession = {
  __typename?: 'UserSession';
  /** Whether this is the session the request came from. */
  current: Scalars['Boolean']['output'];
  /** The session's id (the sid of its access tokens). */
  id: Scalars['ID']['output'];
  /** When it last refreshed its tokens (or began). */
  lastActiveAt: Scalars['DateTime']['output'];
  /** When the session began (the login). */
  startedAt: Scalars['DateTime']['output'];
};

/** A page of the caller's sessions, newest first. */
export type UserSessionConnection = {
  __typename?: 'UserSessionConnection';
  /** The sessions with their cursors. */
  edges: Array<UserSessionEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One session in a page. */
export type UserSessionEdge = {
  __typename?: 'UserSessionEdge';
  /** Pass as `after` to continue with older sessions. */
  cursor: Scalars['String']['output'];
  /** The session. */
  node: UserSession;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  LogInStep:
    | ( Omit<AuthPayload, 'user'> & { user: _RefType['User'] } )
    | ( SecondFactorChallenge )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiKey: ResolverTypeWrapper<ApiKeyRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ApiKeyConnection: ResolverTypeWrapper<Omit<ApiKeyConnection, 'edges'> & { edges: Array<ResolversTypes['ApiKeyEdge']> }>;
  ApiKeyCreated: ResolverTypeWrapper<ApiKeyCreatedRow>;
  ApiKeyEdge: ResolverTypeWrapper<Omit<ApiKeyEdge, 'node'> & { node: ResolversTypes['ApiKey'] }>;
  ApiKeyKind: ApiKeyKind;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnection>;
  AuditEntryEdge: ResolverTypeWrapper<AuditEntryEdge>;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EmailChangeRequested: ResolverTypeWrapper<EmailChangeRequested>;
  LogInStep: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['LogInStep']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartnerKeyInput: PartnerKeyInput;
  PayoutDetails: ResolverTypeWrapper<PayoutDetailsView>;
  PayoutDetailsInput: PayoutDetailsInput;
  ProfileInput: ProfileInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Role: Role;
  SecondFactorChallenge: ResolverTypeWrapper<SecondFactorChallenge>;
  SecondFactorStatus: ResolverTypeWrapper<SecondFactorStatus>;
  SignUpInput: SignUpInput;
  SignUpRequested: ResolverTypeWrapper<SignUpRequested>;
  StepUpPayload: ResolverTypeWrapper<StepUpPayload>;
  TotpEnabled: ResolverTypeWrapper<Omit<TotpEnabled, 'session'> & { session: ResolversTypes['AuthPayload'] }>;
  TotpEnrolment: ResolverTypeWrapper<TotpEnrolment>;
  User: ResolverTypeWrapper<UserRow>;
  UserSession: ResolverTypeWrapper<UserSession>;
  UserSessionConnection: ResolverTypeWrapper<UserSessionConnection>;
  UserSessionEdge: ResolverTypeWrapper<UserSessionEdge>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiKey: ApiKeyRow;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  ApiKeyConnection: Omit<ApiKeyConnection, 'edges'> & { edges: Array<ResolversParentTypes['ApiKeyEdge']> };
  ApiKeyCreated: ApiKeyCreatedRow;
  ApiKeyEdge: Omit<ApiKeyEdge, 'node'> & { node: ResolversParentTypes['ApiKey'] };
  AuditEntry: AuditEntry;
  AuditEntryConnection: AuditEntryConnection;
  AuditEntryEdge: AuditEntryEdge;
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  DateTime: Scalars['DateTime']['output'];
  EmailChangeRequested: EmailChangeRequested;
  LogInStep: ResolversUnionTypes<ResolversParentTypes>['LogInStep'];
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  PartnerKeyInput: PartnerKeyInput;
  PayoutDetails: PayoutDetailsView;
  PayoutDetailsInput: PayoutDetailsInput;
  ProfileInput: ProfileInput;
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  SecondFactorChallenge: SecondFactorChallenge;
  SecondFactorStatus: SecondFactorStatus;
  SignUpInput: SignUpInput;
  SignUpRequested: SignUpRequested;
  StepUpPayload: StepUpPayload;
  TotpEnabled: Omit<TotpEnabled, 'session'> & { session: ResolversParentTypes['AuthPayload'] };
  TotpEnrolment: TotpEnrolment;
  User: UserRow;
  UserSession: UserSession;
  UserSessionConnection: UserSessionConnection;
  UserSessionEdge: UserSessionEdge;
};

export type ApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delegatedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ApiKeyKind'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  poolIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApiKeyConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyConnection'] = ResolversParentTypes['ApiKeyConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ApiKeyEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ApiKeyCreatedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyCreated'] = ResolversParentTypes['ApiKeyCreated']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ApiKeyEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyEdge'] = ResolversParentTypes['ApiKeyEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  actorRoles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  calls?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  clientAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clientOperationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEntryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmailChangeRequestedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EmailChangeRequested'] = ResolversParentTypes['EmailChangeRequested']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type LogInStepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LogInStep'] = ResolversParentTypes['LogInStep']> = {
  __resolveType: TypeResolveFn<'AuthPayload' | 'SecondFactorChallenge', ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  changePassword?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  confirmEmailChange?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationConfirmEmailChangeArgs, 'token'>>;
  confirmSignUp?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationConfirmSignUpArgs, 'token'>>;
  confirmTotpEnrolment?: Resolver<ResolversTypes['TotpEnabled'], ParentType, ContextType, RequireFields<MutationConfirmTotpEnrolmentArgs, 'code'>>;
  createApiKey?: Resolver<ResolversTypes['ApiKeyCreated'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'name' | 'scopes'>>;
  createPartnerKey?: Resolver<ResolversTypes['ApiKeyCreated'], ParentType, ContextType, RequireFields<MutationCreatePartnerKeyArgs, 'input'>>;
  disableTotp?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationDisableTotpArgs, 'code' | 'password'>>;
  finishLogIn?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationFinishLogInArgs, 'challenge' | 'code'>>;
  importUsers?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType, RequireFields<MutationImportUsersArgs, 'externalIds'>>;
  logIn?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLogInArgs, 'email' | 'password'>>;
  logOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLogOutArgs, 'refreshToken'>>;
  refreshSession?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  requestEmailChange?: Resolver<ResolversTypes['EmailChangeRequested'], ParentType, ContextType, RequireFields<MutationRequestEmailChangeArgs, 'currentPassword' | 'newEmail'>>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  requestSignUp?: Resolver<ResolversTypes['SignUpRequested'], ParentType, ContextType, RequireFields<MutationRequestSignUpArgs, 'input'>>;
  resetPassword?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  revokeSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'id'>>;
  setPayoutDetails?: Resolver<ResolversTypes['PayoutDetails'], ParentType, ContextType, RequireFields<MutationSetPayoutDetailsArgs, 'input'>>;
  setSecondFactorRequired?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetSecondFactorRequiredArgs, 'required'>>;
  signUp?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  startLogIn?: Resolver<ResolversTypes['LogInStep'], ParentType, ContextType, RequireFields<MutationStartLogInArgs, 'email' | 'password'>>;
  startTotpEnrolment?: Resolver<ResolversTypes['TotpEnrolment'], ParentType, ContextType>;
  stepUp?: Resolver<ResolversTypes['StepUpPayload'], ParentType, ContextType, RequireFields<MutationStepUpArgs, 'code'>>;
  updateProfile?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PayoutDetailsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PayoutDetails'] = ResolversParentTypes['PayoutDetails']> = {
  accountHolder?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ibanLast4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maskedIban?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  apiKeysConnection?: Resolver<ResolversTypes['ApiKeyConnection'], ParentType, ContextType, RequireFields<QueryApiKeysConnectionArgs, 'first'>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  mySessions?: Resolver<Array<ResolversTypes['UserSession']>, ParentType, ContextType>;
  mySessionsConnection?: Resolver<ResolversTypes['UserSessionConnection'], ParentType, ContextType, RequireFields<QueryMySessionsConnectionArgs, 'first'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  usersAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryUsersAuditLogArgs, 'first'>>;
  usersAuditLogConnection?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryUsersAuditLogConnectionArgs, 'first'>>;
};

export type SecondFactorChallengeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SecondFactorChallenge'] = ResolversParentTypes['SecondFactorChallenge']> = {
  challenge?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SecondFactorStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SecondFactorStatus'] = ResolversParentTypes['SecondFactorStatus']> = {
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  mustEnrol?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recoveryCodesLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requireSetting?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requiredForSensitiveOperations?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SignUpRequestedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignUpRequested'] = ResolversParentTypes['SignUpRequested']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type StepUpPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StepUpPayload'] = ResolversParentTypes['StepUpPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TotpEnabledResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TotpEnabled'] = ResolversParentTypes['TotpEnabled']> = {
  recoveryCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  session?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType>;
};

export type TotpEnrolmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TotpEnrolment'] = ResolversParentTypes['TotpEnrolment']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payoutDetails?: Resolver<Maybe<ResolversTypes['PayoutDetails']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  secondFactor?: Resolver<Maybe<ResolversTypes['SecondFactorStatus']>, ParentType, ContextType>;
};

export type UserSessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserSession'] = ResolversParentTypes['UserSession']> = {
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastActiveAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type UserSessionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserSessionConnection'] = ResolversParentTypes['UserSessionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserSessionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UserSessionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserSessionEdge'] = ResolversParentTypes['UserSessionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UserSession'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyConnection?: ApiKeyConnectionResolvers<ContextType>;
  ApiKeyCreated?: ApiKeyCreatedResolvers<ContextType>;
  ApiKeyEdge?: ApiKeyEdgeResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EmailChangeRequested?: EmailChangeRequestedResolvers<ContextType>;
  LogInStep?: LogInStepResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PayoutDetails?: PayoutDetailsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SecondFactorChallenge?: SecondFactorChallengeResolvers<ContextType>;
  SecondFactorStatus?: SecondFactorStatusResolvers<ContextType>;
  SignUpRequested?: SignUpRequestedResolvers<ContextType>;
  StepUpPayload?: StepUpPayloadResolvers<ContextType>;
  TotpEnabled?: TotpEnabledResolvers<ContextType>;
  TotpEnrolment?: TotpEnrolmentResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserSession?: UserSessionResolvers<ContextType>;
  UserSessionConnection?: UserSessionConnectionResolvers<ContextType>;
  UserSessionEdge?: UserSessionEdgeResolvers<ContextType>;
};

