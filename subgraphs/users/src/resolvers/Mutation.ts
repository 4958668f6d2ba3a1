import type { MutationResolvers, SignUpInput } from '../__generated__/resolvers.ts';
import type { SignUpRequest } from '../auth/signUps.ts';
import type { Session } from '../auth/sessions.ts';
import type { Context } from '../context.ts';
import {
  normalizeEmail,
  validateEmail,
  validateName,
  validatePassword,
  validateSignUpRole,
} from '../auth/validation.ts';
import { importUsers } from '../services/imports.ts';

/**
 * The caller has just proved who they are: the rest of this response (AuthPayload.user)
 * is read as that user, not as the anonymous caller the request came in as.
 */
function actAs(context: Context, session: Session): Session {
  context.viewer = {
    userId: session.user.id,
    roles: session.user.roles,
    sessionId: session.sessionId,
    scopes: [],
  };
  return session;
}

const signUpRequest = (input: SignUpInput): SignUpRequest => ({
  email: validateEmail(input.email, 'input.email'),
  password: validatePassword(input.password, 'input.password'),
  name: validateName(input.name, 'input.name'),
  role: validateSignUpRole(input.role),
});

export const Mutation: MutationResolvers = {
  signUp: async (_parent, { input }, context) =>
    actAs(
      context,
      await context.signUps.signUp(signUpRequest(input), context.clientAddress, context.clientGone),
    ),
  requestSignUp: (_parent, { input }, context) =>
    context.signUps.requestSignUp(signUpRequest(input), context.clientAddress, context.clientGone),
  confirmSignUp: async (_parent, { token }, context) =>
    actAs(context, await context.signUps.confirmSignUp(token)),
  logIn: async (_parent, { email, password }, context) =>
    actAs(
      context,
      await context.sessions.logIn(normalizeEmail(email), password, context.clientAddress),
    ),
  refreshSession: async (_parent, { refreshToken }, context) =>
    actAs(context, await context.sessions.refresh(refreshToken)),
  logOut: (_parent, { refreshToken }, { sessions }) => sessions.logOut(refreshToken),
  importUsers: (_parent, args, context) => importUsers(context, args),
  createApiKey: (_parent, { name, scopes }, { apiKeys, viewer }) =>
    apiKeys.create(viewer, name, scopes),
  revokeApiKey: (_parent, { id }, { apiKeys, viewer }) => apiKeys.revoke(viewer, id),
};
