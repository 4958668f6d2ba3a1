/** What the importer reports while it runs. */
export interface Progress {
  rows: number;
  bytes: number;
  totalBytes?: number;
  startedAt: number;
}

const rate = (p: Progress) =>
  Math.round(p.rows / Math.max(0.001, (Date.now() - p.startedAt) / 1000));
const n = (value: number) => value.toLocaleString('en-US');

/** The time left at the rate so far, by the share of the file read: "1m 05s". */
function eta(p: Progress, share: number): string {
  const left = Math.round(((Date.now() - p.startedAt) / 1000) * ((1 - share) / share));
  const minutes = Math.floor(left / 60);
  return minutes > 0 ? `${minutes}m ${String(left % 60).padStart(2, '0')}s` : `${left}s`;
}

/**
 * A progress bar with rows/s and the time left redrawn in place on a terminal (at most 10 times a second), or a
 * plain line every `plainEveryMs` otherwise (logs and pipes get no control characters).
 */
export function progressReporter(out: NodeJS.WriteStream, options: { plainEveryMs?: number } = {}) {
  const tty = out.isTTY === true;
  const every = tty ? 100 : (options.plainEveryMs ?? 5_000);
  let last = 0;
  const line = (p: Progress) => {
    const share = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : undefined;
    const bar =
      share === undefined
        ? ''
        : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${(share * 100).toFixed(0).padStart(3)}% `;
    return `${bar}${n(p.rows)} rows, ${n(rate(p))} rows/s${share ? `, ${eta(p, share)} left` : ''}`;
  };
  return {
    update(p: Progress, force = false) {
      const now = Date.now();
      if (!force && now - last < every) return;
      last = now;
      if (tty) out.write(`\r${line(p)}\x1b[K`);
      else out.write(`${line(p)}\n`);
    },
    done(p: Progress) {
      if (tty) out.write(`\r${line(p)}\x1b[K\n`);
      else out.write(`${line(p)}\n`);
    },
  };
}

export { rate as rowsPerSecond };
