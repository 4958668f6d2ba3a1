/**
 * Every column of the users database that holds a value sealed with `@poolgraph/platform`'s
 * sealedSecrets, so a KEK rotation can find and re-wrap them all: the table, the column naming
 * the record, the sealed column, and the associated data each value was sealed with
 * (`aadPrefix` + the id column's value). A new sealed column is added here in the same change.
 */
export interface SealedColumn {
  table: string;
  idColumn: string;
  sealedColumn: string;
  aadPrefix: string;
}

export const sealedColumns: SealedColumn[] = [
  { table: 'user_totp', idColumn: 'user_id', sealedColumn: 'secret', aadPrefix: 'users.totp:' },
  {
    table: 'payout_details',
    idColumn: 'user_id',
    sealedColumn: 'details',
    aadPrefix: 'users.payout_details:',
  },
];

/** The associated data a sealed value of `table` for record `id` carries. */
export function sealedAad(table: 'user_totp' | 'payout_details', id: string): string {
  const column = sealedColumns.find((c) => c.table === table)!;
  return `${column.aadPrefix}${id}`;
}
