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
