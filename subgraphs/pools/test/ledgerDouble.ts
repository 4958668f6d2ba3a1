import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for the ledger's `Query.position` at the HTTP level: answers with the position set
 * for a (pool, investor) pair, or null; records the Authorization header it received; can be
 * made to fail like an unreachable service.
 */
export interface LedgerDouble {
  url: string;
  setPosition(poolId: string, investorId: string, capital: string): void;
  /** When true, every request gets HTTP 503 with no GraphQL body. */
  down: boolean;
  lastAuthorization: string | undefined;
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
      const { variables } = JSON.parse(text) as {
        variables: { poolId: string; investorId: string };
      };
      const position = positions.get(`${variables.poolId}:${variables.investorId}`) ?? null;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { position } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  double.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return double;
}
