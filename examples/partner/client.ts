import { readFile } from 'node:fs/promises';

/** An amount as the graph returns it: a decimal string and its ISO-4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

/** The operations of `gateway/persisted-queries/partner.json`, by name, with their types. */
export interface PartnerOperations {
  PartnerPools: {
    variables: Record<string, never>;
    data: {
      pools: Array<{
        id: string;
        name: string;
        currency: string;
        status: string;
        cashBalance: Money;
        totalContributed: Money;
      }>;
    };
  };
  PartnerPool: {
    variables: { id: string };
    data: {
      pool: {
        id: string;
        name: string;
        currency: string;
        status: string;
        targetAmount: Money | null;
      } | null;
    };
  };
  PartnerTopInvestors: {
    variables: { limit?: number; currency?: string };
    data: {
      topInvestors: Array<{
        investor: { id: string; name: string };
        uniquePools: number;
        totalInvested: Money;
      }>;
    };
  };
}

/** An error the graph answered with, carrying its code (e.g. FORBIDDEN for a missing scope). */
export class PartnerCallError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
  ) {
    super(message);
  }
}

interface Manifest {
  format: 'apollo-persisted-query-manifest';
  operations: Array<{ id: string; name: string }>;
}

/** Reads an Apollo persisted-query manifest into name → id. */
export async function loadOperationIds(path: string | URL): Promise<Map<string, string>> {
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
  if (manifest.format !== 'apollo-persisted-query-manifest') {
    throw new Error(`${String(path)} is not an Apollo persisted-query manifest`);
  }
  return new Map(manifest.operations.map((op) => [op.name, op.id]));
}

/**
 * A partner's client: every call sends the API key in `x-api-key` and only the operation's id
 * (Apollo's `extensions.persistedQuery`), never its text: partner keys may run nothing else.
 */
export function createPartnerClient(options: {
  url: string;
  apiKey: string;
  operationIds: Map<string, string>;
}) {
  return {
    async run<Name extends keyof PartnerOperations>(
      name: Name,
      variables: PartnerOperations[Name]['variables'],
    ): Promise<PartnerOperations[Name]['data']> {
      const id = options.operationIds.get(name);
      if (!id) throw new Error(`${name} is not in the manifest`);
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
        body: JSON.stringify({
          operationName: name,
          variables,
          extensions: { persistedQuery: { version: 1, sha256Hash: id } },
        }),
      });
      const body = (await response.json()) as {
        data?: PartnerOperations[Name]['data'] | null;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
      const [first] = body.errors ?? [];
      if (first || !body.data) {
        throw new PartnerCallError(
          first?.message ?? `HTTP ${response.status}`,
          first?.extensions?.code,
          response.status,
        );
      }
      return body.data;
    },
  };
}
