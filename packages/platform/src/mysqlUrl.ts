/**
 * MySQL URLs (MYSQL_URL, MYSQL_REPLICA_URL, `config.mysqlUrl`): `mysql://user:password@host:port/db`
 * with one option of ours. Kept free of mysql2 so env parsing can validate a URL cheaply.
 */

/**
 * The one option our MySQL URLs add: `?tls=true` connects over TLS and refuses the server unless
 * its certificate chains to the process's CA (TLS_CA, else the system's) and names the URL's
 * host. There is deliberately no "encrypted but unverified" mode: it would not stop a
 * man in the middle. `tls=false` (or none) is plain TCP.
 */
export const MYSQL_TLS_OPTION = 'tls';

/** What is wrong with a MySQL URL's options, in words an operator can act on. */
export function mysqlUrlProblem(url: string): string | undefined {
  let value: string | null;
  try {
    value = new URL(url).searchParams.get(MYSQL_TLS_OPTION);
  } catch {
    return undefined; // not a URL at all: the URL check says so
  }
  if (value !== null && value !== 'true' && value !== 'false') {
    return `?${MYSQL_TLS_OPTION}= takes true or false, not "${value}"`;
  }
  return undefined;
}

/** Whether a MySQL URL asks for TLS (`?tls=true`). */
export const mysqlUsesTls = (url: string): boolean =>
  new URL(url).searchParams.get(MYSQL_TLS_OPTION) === 'true';

/** A database's URL on a server (`mysql://…:3306[?tls=true]` + name), options kept. */
export function mysqlDatabaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
