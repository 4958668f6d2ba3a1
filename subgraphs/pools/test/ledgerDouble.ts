import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for the ledger at the HTTP level: `Query.position` answers with the position set
 * for a (pool, investor) pair, or null; the closing saga's calls are recorded and answered true;
 * records the Authorization header it received; can be made to fail like an unreachable service.
 */
export interface LedgerDouble {
  url: string;
  setPosition(poolId: string, investorId: string, capital: string): void;
  /** When true, every request gets HTTP 503 with no GraphQL body. */
  down: boolean;
  lastAuthorization: string | undefined;
  /** closePoolInLedger / reopenPoolInLedger calls, in order. */
  sagaCalls: Array<{ step: 'close' | 'reopen'; poolId: string; revision: number }>;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLedgerDouble(): Promise<LedgerDouble> {
  const positions = new Map<string, { capital: { amount: string } }>();
  const double: LedgerDouble = {
    url: '',
    down: false,
    lastAuthorization: undefined,
    sagaCalls: [],
    setPosition(poolId, investorId, capital) {
      positions.set(`${poolId}:${investorId}`, { capital: { amount: capital } });
    },
    stop: async () => {},
  };
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      double.lastAuthorization = req.headers.authorization;
      if (double.down) {
        res.statusCode = 503;
        res.end('unavailable');
        return;
      }
      const { query, variables } = JSON.parse(text) as {
        query: string;
        variables: { poolId: string; investorId: string; revision: number };
      };
      res.setHeader('content-type', 'application/json');
      const step = query.includes('closePoolInLedger')
        ? 'close'
        : query.includes('reopenPoolInLedger')
          ? 'reopen'
          : null;
      if (step) {
        double.sagaCalls.push({ step, poolId: variables.poolId, revision: variables.revision });
        const field = step === 'close' ? 'closePoolInLedger' : 'reopenPoolInLedger';
        res.end(JSON.stringify({ data: { [field]: true } }));
        return;
      }
      const position = positions.get(`${variables.poolId}:${variables.investorId}`) ?? null;
      res.end(JSON.stringify({ data: { position } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  double.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return double;
}
