import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for the ledger at the HTTP level: the removal saga's first step answers CONFLICT
 * when the capital set for the (pool, investor) pair is not zero, as the ledger does, and true
 * otherwise (no capital set: the investor never moved money); every saga call is recorded;
 * records the Authorization header it received; can be made to fail like an unreachable service.
 */
export interface LedgerDouble {
  url: string;
  /** The member's capital account, a decimal in the pool's currency (USD in these tests). */
  setPosition(poolId: string, investorId: string, capital: string): void;
  /** When true, every request gets HTTP 503 with no GraphQL body. */
  down: boolean;
  lastAuthorization: string | undefined;
  /** Every saga call (close, reopen, archive, unarchive, release, keep), in order. */
  sagaCalls: Array<{ step: Step; poolId: string; revision: number }>;
  stop(): Promise<void>;
}

type Step = 'close' | 'reopen' | 'archive' | 'unarchive' | 'release' | 'keep';
const FIELDS: Record<Step, string> = {
  close: 'closePoolInLedger',
  reopen: 'reopenPoolInLedger',
  archive: 'archivePoolInLedger',
  unarchive: 'unarchivePoolInLedger',
  release: 'releaseMemberInLedger',
  keep: 'keepMemberInLedger',
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLedgerDouble(): Promise<LedgerDouble> {
  const positions = new Map<string, string>();
  const double: LedgerDouble = {
    url: '',
    down: false,
    lastAuthorization: undefined,
    sagaCalls: [],
    setPosition(poolId, investorId, capital) {
      positions.set(`${poolId}:${investorId}`, capital);
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
      const step = (Object.keys(FIELDS) as Step[]).find((s) => query.includes(FIELDS[s]));
      if (!step) {
        res.end(JSON.stringify({ errors: [{ message: 'the double answers the sagas only' }] }));
        return;
      }
      double.sagaCalls.push({ step, poolId: variables.poolId, revision: variables.revision });
      const capital = positions.get(`${variables.poolId}:${variables.investorId}`);
      if (step === 'release' && capital !== undefined && !/^-?0(\.0+)?$/.test(capital)) {
        const message = `The investor's capital account in the pool is ${capital} USD, not zero; settle it in the ledger first.`;
        res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'CONFLICT' } }] }));
        return;
      }
      res.end(JSON.stringify({ data: { [FIELDS[step]]: true } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  double.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return double;
}
