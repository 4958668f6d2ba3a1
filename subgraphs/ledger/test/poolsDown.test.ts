import { describe, expect, it } from 'vitest';
import {
  CONTRIBUTE,
  contribute,
  errorCodes,
  openPoolWithMembers,
  key,
  useLedgerStack,
} from './helpers.ts';

const ls = useLedgerStack();

describe('with the pools subgraph stopped', () => {
  it('keeps posting contributions to pools the ledger knows, and says pools is unavailable for one it does not', async () => {
    const known = await openPoolWithMembers(ls, 2);
    const joinedJustNow = await openPoolWithMembers(ls, 1);
    // Read your writes: a member who has just joined contributes at once.
    await contribute(ls, joinedJustNow.id, joinedJustNow.members[0]!, '3.00');
    await contribute(ls, known.id, known.members[0]!, '1.00');
    // Let the ledger's copy catch up with every pools event, then take pools away.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await ls.stack.services.pools!.stop();

    for (const member of known.members) {
      const posted = await contribute(ls, known.id, member, '10.00');
      expect(posted.amount.amount).toBe('10.00');
    }
    const unknown = await ls.gql(
      CONTRIBUTE,
      { poolId: '01900000-0000-7000-8000-000000000000', amount: '1.00', key: key('x') },
      known.members[0],
    );
    expect(errorCodes(unknown)).toEqual(['SUBGRAPH_UNAVAILABLE']);
  });
});
