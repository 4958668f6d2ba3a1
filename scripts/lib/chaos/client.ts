import { randomBytes } from 'node:crypto';

/** How one request through HAProxy ended. */
export type Outcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** `connection`, `timeout`, `http 503`, or the first GraphQL error code. */
      kind: string;
      message: string;
    };

/**
 * Answers a retry with the same idempotency key cannot change: the request itself is refused.
 * Anything else (a dropped connection, 502/503, SUBGRAPH_UNAVAILABLE, INTERNAL_SERVER_ERROR
 * while Redis restarts) is retried, as a client of an idempotent API should.
 */
export const DEFINITIVE = new Set([
  'IDEMPOTENCY_KEY_REUSED',
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'INSUFFICIENT_FUNDS',
]);

export async function send<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const kind = (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection';
    return { ok: false, kind, message: (error as Error).message };
  }
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as {
      data?: T | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    const first = body.errors?.[0];
    if (!first && body.data) return { ok: true, data: body.data };
    return {
      ok: false,
      kind: first?.extensions?.code ?? `http ${response.status}`,
      message: first?.message ?? text.slice(0, 200),
    };
  } catch {
    return { ok: false, kind: `http ${response.status}`, message: text.slice(0, 200) };
  }
}

/** Set-up calls must succeed; they retry a few times, then throw. */
export async function mustSend<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  let last: Outcome<T> | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    last = await send<T>(url, query, variables, token);
    if (last.ok) return last.data;
    if (DEFINITIVE.has(last.kind)) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`set-up request failed: ${last && !last.ok ? last.message : 'unknown'}`);
}

export async function signUp(url: string, role: 'MANAGER' | 'INVESTOR') {
  const tag = randomBytes(6).toString('hex');
  const input = {
    email: `${tag}@chaos.poolgraph.dev`,
    password: `pw-${randomBytes(12).toString('hex')}`,
    name: `${role.toLowerCase()} ${tag.slice(0, 4)}`,
    role,
  };
  const { signUp: session } = await mustSend<{
    signUp: { accessToken: string; user: { id: string } };
  }>(url, 'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }', {
    input,
  });
  return { token: session.accessToken, id: session.user.id };
}

export type Session = Awaited<ReturnType<typeof signUp>>;
