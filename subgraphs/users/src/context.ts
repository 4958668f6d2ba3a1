import type { IncomingMessage } from 'node:http';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import {
  clientGone,
  requestIdOf,
  resolveClientAddress,
  type CallerIdentity,
  type Logger,
  type ProxyTrust,
} from '@poolgraph/platform';
import type { UsersDb } from './db/index.ts';
import type { SessionService } from './auth/sessions.ts';
import type { SignUpService } from './auth/signUps.ts';
import type { AccountService } from './services/account.ts';
import type { ApiKeyService } from './services/apiKeys.ts';
import type { LoginSecondStepDeps } from './services/loginSecondStep.ts';
import type { PayoutDetailsService } from './services/payoutDetails.ts';
import type { SecondFactorService } from './services/secondFactor.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  viewer: Viewer | null;
  /** The caller's credentials, forwarded when users asks pools (a manager's key pools). */
  caller: CallerIdentity;
  /**
   * The caller's address: the gateway's x-forwarded-for when the request comes from a peer in
   * TRUSTED_PROXIES (the gateways), else the peer itself. Logins and sign-ups are throttled by it.
   */
  clientAddress: string;
  /** Aborted when the caller goes away before the response is complete. */
  clientGone: AbortSignal;
  db: UsersDb;
  sessions: SessionService;
  signUps: SignUpService;
  account: AccountService;
  apiKeys: ApiKeyService;
  secondFactor: SecondFactorService;
  secondStep: LoginSecondStepDeps;
  payoutDetails: PayoutDetailsService;
  loaders: Loaders;
  log: Logger;
}

export interface ContextDeps {
  db: UsersDb;
  sessions: SessionService;
  signUps: SignUpService;
  account: AccountService;
  apiKeys: ApiKeyService;
  secondFactor: SecondFactorService;
  secondStep: LoginSecondStepDeps;
  payoutDetails: PayoutDetailsService;
  verifier: TokenVerifier;
  log: Logger;
  trustedProxies: ProxyTrust;
}

export function createContextFactory(deps: ContextDeps) {
  return async (req: IncomingMessage): Promise<Context> => ({
    // Re-verified here, not trusted from the gateway: a direct call gets only what its token allows.
    viewer: await viewerFromAuthorization(req.headers.authorization, deps.verifier),
    caller: { authorization: req.headers.authorization, requestId: requestIdOf(req) },
    clientAddress: resolveClientAddress(req, deps.trustedProxies),
    clientGone: clientGone(req),
    db: deps.db,
    sessions: deps.sessions,
    signUps: deps.signUps,
    account: deps.account,
    apiKeys: deps.apiKeys,
    secondFactor: deps.secondFactor,
    secondStep: deps.secondStep,
    payoutDetails: deps.payoutDetails,
    loaders: createLoaders(deps.db),
    log: deps.log,
  });
}
