import { call } from './lib/graphql.ts';

const DEMO_KEY_NAME = 'Demo partner (npm start)';
const DEMO_SCOPES = ['pools:read', 'ledger:read', 'reports:read'];

interface Key {
  id: string;
  name: string;
  revokedAt: string | null;
}
interface KeyPage {
  edges: Array<{ node: Key }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A fresh demo partner key for the partner SDK's example (sdk/partner). A secret is shown only once, so each start
 * revokes the previous demo key and creates another: one demo key is live at a time.
 */
export async function seedPartnerKey(
  gatewayUrl: string,
  admin: { email: string; password: string },
): Promise<string> {
  const { logIn } = await call<{ logIn: { accessToken: string } }>(
    gatewayUrl,
    'mutation SeedPartnerLogIn($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken } }',
    admin,
  );
  const token = logIn.accessToken;
  // Every page of the keys (an admin sees them all, a page of 200 at a time).
  const keys: Key[] = [];
  let after: string | null = null;
  do {
    const { apiKeysConnection: page }: { apiKeysConnection: KeyPage } = await call(
      gatewayUrl,
      'query SeedPartnerKeys($after: String) { apiKeysConnection(first: 200, after: $after) { edges { node { id name revokedAt } } pageInfo { hasNextPage endCursor } } }',
      { after },
      token,
    );
    keys.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  for (const key of keys.filter((k) => k.name === DEMO_KEY_NAME && !k.revokedAt)) {
    await call(
      gatewayUrl,
      'mutation SeedPartnerRevoke($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: key.id },
      token,
    );
  }
  const { createApiKey } = await call<{ createApiKey: { secret: string } }>(
    gatewayUrl,
    'mutation SeedPartnerKey($name: String!, $scopes: [String!]!) { createApiKey(name: $name, scopes: $scopes) { secret } }',
    { name: DEMO_KEY_NAME, scopes: DEMO_SCOPES },
    token,
  );
  return createApiKey.secret;
}
