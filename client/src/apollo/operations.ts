import { graphql } from '../__generated__/gql.ts';

/** Session operations: every screen's own queries live beside the screen. */
export const SessionUserFields = graphql(`
  fragment SessionUserFields on User {
    id
    email
    name
    roles
  }
`);

export const LogInMutation = graphql(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(email: $email, password: $password) {
      accessToken
      refreshToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

/** A login in one or two steps: a session, or a challenge to answer with a code. */
export const StartLogInMutation = graphql(`
  mutation StartLogIn($email: String!, $password: String!) {
    startLogIn(email: $email, password: $password) {
      __typename
      ... on AuthPayload {
        accessToken
        refreshToken
        user {
          ...SessionUserFields
        }
      }
      ... on SecondFactorChallenge {
        challenge
        expiresAt
      }
    }
  }
`);

export const FinishLogInMutation = graphql(`
  mutation FinishLogIn($challenge: String!, $code: String!) {
    finishLogIn(challenge: $challenge, code: $code) {
      accessToken
      refreshToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

export const StepUpMutation = graphql(`
  mutation StepUp($code: String!) {
    stepUp(code: $code) {
      accessToken
      validUntil
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      refreshToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

export const RequestSignUpMutation = graphql(`
  mutation RequestSignUp($input: SignUpInput!) {
    requestSignUp(input: $input) {
      email
      expiresAt
    }
  }
`);

export const ConfirmSignUpMutation = graphql(`
  mutation ConfirmSignUp($token: String!) {
    confirmSignUp(token: $token) {
      accessToken
      refreshToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      user {
        ...SessionUserFields
      }
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut($refreshToken: String!) {
    logOut(refreshToken: $refreshToken)
  }
`);
