import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { openValue, sealValue, type Keyring } from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import type { PayoutDetailsRow } from '../data/payoutDetails.ts';
import { upsertPayoutDetails } from '../data/payoutDetails.ts';
import { SEALED } from '../data/sealedColumns.ts';
import { selectUsersByIds } from '../data/users.ts';
import { maskIban, parseAccountHolder, parseBic, parseIban } from './bankAccount.ts';
import type { OwnerNotices } from './ownerNotices.ts';
import type { SecondFactorService } from './secondFactor.ts';

/** What the graph shows: the IBAN masked to its country and last four characters. */
export interface PayoutDetailsView {
  accountHolder: string;
  maskedIban: string;
  ibanLast4: string;
  bic: string;
  updatedAt: Date;
}

interface SealedDetails {
  accountHolder: string;
  iban: string;
  bic: string;
}

export interface PayoutDetailsDeps {
  db: UsersDb;
  keyring: Keyring;
  clock: () => number;
  secondFactor: SecondFactorService;
  notices: OwnerNotices;
}

/**
 * The bank account a user's payouts go to, sealed at rest (holder, IBAN and BIC in one value,
 * AAD `payout_details:<user id>`). Read by the owner and admins only, masked; set by the
 * owner (INVESTOR or MANAGER) after a step-up, and the owner's address is told.
 */
export function createPayoutDetailsService(deps: PayoutDetailsDeps) {
  const { db, keyring } = deps;
  return {
    /** The masked view of a stored row, for the owner or an admin; null for anyone else. */
    async view(viewer: Viewer, row: PayoutDetailsRow): Promise<PayoutDetailsView | null> {
      if (viewer.userId !== row.userId && !hasRole(viewer, 'ADMIN')) return null;
      const opened = await openValue(keyring, SEALED.payoutDetails, row.userId, row.details);
      const details = JSON.parse(opened) as SealedDetails;
      return {
        accountHolder: details.accountHolder,
        maskedIban: maskIban(details.iban.slice(0, 2), row.ibanLast4),
        ibanLast4: row.ibanLast4,
        bic: details.bic,
        updatedAt: row.updatedAt,
      };
    },

    async set(
      viewer: Viewer | null,
      input: { accountHolder: string; iban: string; bic: string },
    ): Promise<PayoutDetailsView> {
      const owner = requireRole(viewer, 'INVESTOR', 'MANAGER');
      const details: SealedDetails = {
        accountHolder: parseAccountHolder(input.accountHolder),
        iban: parseIban(input.iban),
        bic: parseBic(input.bic),
      };
      await deps.secondFactor.requireStepUp(owner);
      const [user] = await selectUsersByIds(db, [owner.userId]);
      if (!user) throw new Error(`no user ${owner.userId}`);
      const sealed = await sealValue(
        keyring,
        SEALED.payoutDetails,
        owner.userId,
        JSON.stringify(details),
      );
      const row = {
        userId: owner.userId,
        details: sealed,
        ibanLast4: details.iban.slice(-4),
        updatedAt: new Date(deps.clock()),
      };
      await upsertPayoutDetails(db, row);
      deps.notices.payoutDetailsChanged(user.email, row.ibanLast4);
      return (await this.view(owner, row))!;
    },
  };
}

export type PayoutDetailsService = ReturnType<typeof createPayoutDetailsService>;
