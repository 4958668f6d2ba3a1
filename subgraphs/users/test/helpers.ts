import { createLogger, type HttpService } from '@poolgraph/platform';
import {
  createTestDatabase,
  deleteRedisKeys,
  graphql,
  expectData,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { createService, type UsersServiceConfig } from '../src/server.ts';

export interface UsersUnderTest {
  url: string;
  database: TestDatabase;
  service: HttpService;
  stop(): Promise<void>;
}

/** The users subgraph alone, on a free port and a fresh database. */
export async function startUsers(
  overrides: Partial<UsersServiceConfig> = {},
): Promise<UsersUnderTest> {
  const database = await createTestDatabase('users');
  const redisPrefix = uniqueRedisPrefix('users');
  const service = await createService({
    mysqlUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    redisPrefix,
    jwksUrl: 'http://unused.invalid',
    subgraphUrls: {},
    log: createLogger('users', 'silent'),
    ...overrides,
  });
  const url = `${await service.listen(0)}/graphql`;
  return {
    url,
    database,
    service,
    async stop() {
      await service.stop();
      await database.drop();
      await deleteRedisKeys(TEST_REDIS_URL, redisPrefix);
    },
  };
}

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken user { id email name roles createdAt } }
}`;
export const LOG_IN = `mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) { accessToken refreshToken user { id email } }
}`;
export const REFRESH = `mutation Refresh($token: String!) {
  refreshSession(refreshToken: $token) { accessToken refreshToken user { id } }
}`;

let counter = 0;
export async function signUp(url: string, role = 'INVESTOR', password = 'correct horse battery') {
  const email = `user${Date.now()}${counter++}@example.com`;
  const data = expectData(
    await graphql<{ signUp: { accessToken: string; refreshToken: string; user: { id: string } } }>(
      url,
      SIGN_UP,
      {
        input: { email, password, name: 'Test User', role },
      },
    ),
  );
  return { ...data.signUp, email, password };
}
