import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { peerFetch } from '@poolgraph/platform';
import { nodeEntryArgs } from '@poolgraph/testing';

const COLORS = [36, 35, 33, 32, 34, 91, 96];
const LEVEL_LABEL: Record<string, string> = {
  fatal: 'FATAL',
  error: 'ERROR',
  warn: 'WARN ',
  info: 'info ',
  debug: 'debug',
  trace: 'trace',
};
const color = process.stdout.isTTY
  ? (code: number, text: string) => `\x1b[${code}m${text}\x1b[0m`
  : (_: number, text: string) => text;

/** An error's message and its causes' (serializeError keeps the chain in `cause`). */
function errorChain(err: object): string {
  const messages: string[] = [];
  for (let e: unknown = err; e && typeof e === 'object' && messages.length < 5;) {
    const { message, cause } = e as { message?: unknown; cause?: unknown };
    if (typeof message === 'string') messages.push(message);
    e = cause;
  }
  return messages.join(' ← caused by: ');
}

/** One JSON log line as a short human line: level, message, and the interesting fields. */
function humanize(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const {
      level,
      msg,
      time: _t,
      service: _s,
      pid: _p,
      hostname: _h,
      err,
      ...rest
    } = JSON.parse(line) as Record<string, unknown>;
    const fields = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    const error = err && typeof err === 'object' ? ` (${errorChain(err)})` : '';
    return `${LEVEL_LABEL[String(level)] ?? String(level)} ${String(msg ?? '')}${error}${fields ? `  ${fields}` : ''}`;
  } catch {
    return line;
  }
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

let index = 0;

/**
 * Starts a TypeScript entry point (bundled, `nodeEntryArgs`), prefixing each output line with the
 * service name.
 */
export async function startProcess(
  name: string,
  entry: string,
  env: Record<string, string>,
  /** Where output lines go; benchmarks keep them quiet. */
  print: (line: string) => void = (line) => process.stdout.write(line),
): Promise<ManagedProcess> {
  const args = [
    ...(process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : []),
    ...(await nodeEntryArgs(entry)),
  ];
  return startCommand(name, process.execPath, args, env, print);
}

/** Starts any executable (HAProxy) the same way: prefixed output, tracked exit. */
export function startCommand(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  print: (line: string) => void = (line) => process.stdout.write(line),
): ManagedProcess {
  const prefix = color(COLORS[index++ % COLORS.length]!, `[${name}]`.padEnd(10));
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim()) print(`${prefix} ${humanize(line)}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/**
 * Polls a URL until it answers 200, the process exits, or the deadline passes. The deadline is
 * generous: a fleet starts ten processes at once, and on a busy 2-core machine tsx once took
 * over 60 s to load a service (a process that dies is reported at once, whatever the deadline).
 */
export async function waitUntilReady(
  proc: ManagedProcess,
  url: string,
  timeoutMs = 180_000,
): Promise<void> {
  let exited = false;
  void proc.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${proc.name} exited during start-up (see its lines above).`);
    try {
      const response = await peerFetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${proc.name} was not ready at ${url} after ${timeoutMs / 1000} s.`);
}

export async function stopAll(processes: ManagedProcess[]): Promise<void> {
  for (const proc of processes) if (proc.child.exitCode === null) proc.child.kill('SIGTERM');
  const timer = setTimeout(
    () => processes.forEach((p) => p.child.exitCode === null && p.child.kill('SIGKILL')),
    10_000,
  );
  await Promise.all(processes.map((p) => p.exited));
  clearTimeout(timer);
}
