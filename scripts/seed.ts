import { connectMysql } from '@poolgraph/platform';
import { upsertAdmin } from '@poolgraph/users/admin';
import { schema as usersSchema } from '@poolgraph/users/db';
import { call, type Auth } from './lib/graphql.ts';
import { seedAlerts } from './seed-alerts.ts';
import { seedPools } from './seed-pools.ts';
import { seedValuations } from './seed-valuations.ts';
import { seedReports } from './seed-reports.ts';
import { seedPayments, type PaymentsSeedOptions } from './seed-payments.ts';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

interface SeedOptions {
  gatewayUrl: string;
  usersMysqlUrl: string;
  /** The payments demo (a card payment through the Stripe emulator, a bank statement). */
  payments?: Omit<PaymentsSeedOptions, 'gatewayUrl'>;
}

const PASSWORD = 'poolgraph-demo-2026';
const PEOPLE = [
  { role: 'MANAGER', email: 'manager@demo.poolgraph.dev', name: 'Morgan Manager' },
  { role: 'INVESTOR', email: 'ivy@demo.poolgraph.dev', name: 'Ivy Investor' },
  { role: 'INVESTOR', email: 'ian@demo.poolgraph.dev', name: 'Ian Investor' },
] as const;

const ADMIN_EMAIL = 'admin@demo.poolgraph.dev';

const LOG_IN =
  'mutation SeedLogIn($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken user { id } } }';

async function canLogIn(url: string, email: string): Promise<boolean> {
  try {
    await call(url, LOG_IN, { email, password: PASSWORD });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== 'UNAUTHENTICATED') throw error;
    return false;
  }
}

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
    const { logIn } = await call<{ logIn: Auth }>(url, LOG_IN, {
      email: person.email,
      password: PASSWORD,
    });
    return logIn;
  }
}

/**
 * The demo: an admin, a manager, two investors, two pools with money in them, the fund valued.
 * Idempotent.
 */
export async function seedDemo({
  gatewayUrl,
  usersMysqlUrl,
  payments,
}: SeedOptions): Promise<DemoLogin[]> {
  // A second run finds the admin: changing an existing account would end its sessions.
  if (!(await canLogIn(gatewayUrl, ADMIN_EMAIL))) {
    const mysql = connectMysql({ url: usersMysqlUrl }, usersSchema);
    try {
      await upsertAdmin(mysql.db, { email: ADMIN_EMAIL, password: PASSWORD, name: 'Ada Admin' });
    } finally {
      await mysql.close();
    }
  }
  const [manager, ivy, ian] = await Promise.all(
    PEOPLE.map((person) => account(gatewayUrl, person)),
  );
  await seedPools(gatewayUrl, { manager: manager!, ivy: ivy!, ian: ian! });
  await seedValuations(gatewayUrl, manager!);
  await seedAlerts(gatewayUrl, manager!, ivy!);
  await seedReports({
    gatewayUrl,
    usersMysqlUrl,
    adminEmail: ADMIN_EMAIL,
    adminPassword: PASSWORD,
  });
  if (payments) {
    await seedPayments({ manager: manager!, ivy: ivy!, ian: ian! }, { gatewayUrl, ...payments });
  }
  return [
    { role: 'ADMIN', email: ADMIN_EMAIL, password: PASSWORD },
    ...PEOPLE.map((p) => ({ role: p.role, email: p.email, password: PASSWORD })),
  ];
}
