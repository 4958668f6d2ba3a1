import { connectMysql } from '@poolgraph/platform';
import { upsertAdmin } from '@poolgraph/users/admin';
import { schema as usersSchema } from '@poolgraph/users/db';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

interface SeedOptions {
  gatewayUrl: string;
  usersMysqlUrl: string;
}

const PASSWORD = 'poolgraph-demo-2026';
const PEOPLE = [
  { role: 'MANAGER', email: 'manager@demo.poolgraph.dev', name: 'Morgan Manager' },
  { role: 'INVESTOR', email: 'ivy@demo.poolgraph.dev', name: 'Ivy Investor' },
  { role: 'INVESTOR', email: 'ian@demo.poolgraph.dev', name: 'Ian Investor' },
] as const;

async function call<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  if (body.errors?.length) {
    const error = new Error(body.errors.map((e) => e.message).join('; ')) as Error & {
      code?: string;
    };
    error.code = body.errors[0]?.extensions?.code;
    throw error;
  }
  return body.data as T;
}

type Auth = { accessToken: string; user: { id: string } };

/** Signs the person up, or logs in when they already exist (so re-running changes nothing). */
async function account(url: string, person: (typeof PEOPLE)[number]): Promise<Auth> {
  try {
    const { signUp } = await call<{ signUp: Auth }>(
      url,
      'mutation Seed($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }',
      { input: { ...person, password: PASSWORD } },
    );
    return signUp;
  } catch (error) {
    if ((error as { code?: string }).code !== 'CONFLICT') throw error;
    const { logIn } = await call<{ logIn: Auth }>(
      url,
      'mutation SeedLogIn($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken user { id } } }',
      { email: person.email, password: PASSWORD },
    );
    return logIn;
  }
}

/** The demo: an admin, a manager and two investors (more as features arrive). Idempotent. */
export async function seedDemo({ gatewayUrl, usersMysqlUrl }: SeedOptions): Promise<DemoLogin[]> {
  const mysql = connectMysql({ url: usersMysqlUrl }, usersSchema);
  try {
    await upsertAdmin(mysql.db, {
      email: 'admin@demo.poolgraph.dev',
      password: PASSWORD,
      name: 'Ada Admin',
    });
  } finally {
    await mysql.close();
  }
  for (const person of PEOPLE) await account(gatewayUrl, person);
  return [
    { role: 'ADMIN', email: 'admin@demo.poolgraph.dev', password: PASSWORD },
    ...PEOPLE.map((p) => ({ role: p.role, email: p.email, password: PASSWORD })),
  ];
}
