/** The platform's multi-row statement helpers, under the names the ledger's data files use. */
export { insertRows, sqlList as list, sqlValues as values } from '@poolgraph/platform';

/** The suffix that turns a multi-row INSERT into an update of existing (locked) rows. */
export const BALANCE_UPDATE = (columns: string[]) =>
  `ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = VALUES(${c})`).join(', ')}`;
