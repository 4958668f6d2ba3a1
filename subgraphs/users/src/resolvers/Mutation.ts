import type { MutationResolvers, SignUpInput } from '../__generated__/resolvers.ts';
import type { SignUpRequest } from '../auth/signUps.ts';
import {
  normalizeEmail,
  validateEmail,
  validateName,
  validatePassword,
  validatePhone,
  validateSignUpRole,
} from '../auth/validation.ts';
import { importUsers } from '../services/imports.ts';
import { finishLogIn } from '../services/loginSecondStep.ts';
import { actAs } from './actAs.ts';
import { secondFactorMutations } from './SecondFactorMutations.ts';

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
  startLogIn: async (_parent, { email, password }, context) => {
    const step = await context.sessions.startLogIn(
      normalizeEmail(email),
      password,
      context.clientAddress,
    );
    return 'challenge' in step ? step : actAs(context, step);
  },
  finishLogIn: async (_parent, { challenge, code }, context) =>
    actAs(context, await finishLogIn(context.secondStep, challenge, code, context.clientAddress)),
  ...secondFactorMutations,
  refreshSession: async (_parent, { refreshToken }, context) =>
    actAs(context, await context.sessions.refresh(refreshToken)),
  logOut: (_parent, { refreshToken }, { sessions }) => sessions.logOut(refreshToken),
  updateProfile: (_parent, { input }, { account, viewer }) =>
    account.updateProfile(viewer, {
      name: validateName(input.name, 'input.name'),
      phone: validatePhone(input.phone),
    }),
  changePassword: async (_parent, { currentPassword, newPassword }, context) =>
    actAs(
      context,
      await context.account.changePassword(
        context.viewer,
        currentPassword,
        validatePassword(newPassword, 'newPassword'),
        context.clientAddress,
      ),
    ),
  requestPasswordReset: (_parent, { email }, { account }) =>
    account.requestPasswordReset(validateEmail(email)),
  resetPassword: async (_parent, { token, newPassword }, context) =>
    actAs(
      context,
      await context.account.resetPassword(token, validatePassword(newPassword, 'newPassword')),
    ),
  requestEmailChange: (_parent, { newEmail, currentPassword }, context) =>
    context.account.requestEmailChange(
      context.viewer,
      validateEmail(newEmail, 'newEmail'),
      currentPassword,
      context.clientAddress,
    ),
  confirmEmailChange: (_parent, { token }, { account }) => account.confirmEmailChange(token),
  revokeSession: (_parent, { id }, { account, viewer }) => account.revokeSession(viewer, id),
  importUsers: (_parent, args, context) => importUsers(context, args),
  createApiKey: (_parent, args, { apiKeys, viewer }) => apiKeys.create(viewer, args),
  createPartnerKey: (_parent, { input }, { apiKeys, viewer, caller }) =>
    apiKeys.createDelegated(viewer, input, caller),
  revokeApiKey: (_parent, { id }, { apiKeys, viewer }) => apiKeys.revoke(viewer, id),
};
