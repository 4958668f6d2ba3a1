import type { FaultContext, FaultRecord, ScheduledFault } from './faults.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Servers no HAProxy backend stands for: their fault resolves once they are back. */
const UNPROXIED = new Set(['redis', 'mysql-replica']);

/** Until HAProxy has every replica of `service` UP again (a restarted one back in rotation). */
async function waitServiceUp(ctx: FaultContext, service: string, timeoutMs = 60_000) {
  if (!ctx.stack.proxy || UNPROXIED.has(service)) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const servers = await ctx.stack.proxy.servers().catch(() => []);
    const mine = servers.filter((s) => s.backend === service);
    if (mine.length && mine.every((s) => s.status === 'UP')) return;
    await sleep(100);
  }
  throw new Error(`${service} is not all UP after ${timeoutMs / 1000} s`);
}

/**
 * Injects the schedule: each fault at its time, or later if the previous fault on the same
 * service has not recovered (so one replica of each service always serves). Faults on
 * different services overlap. Resolves once every fault has recovered.
 */
export async function runFaults(
  ctx: FaultContext,
  schedule: ScheduledFault[],
  started: number,
  /** After a server outside the stack restarted (its new pid is tracked). */
  afterServerRestart: () => Promise<unknown>,
): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  const busy = new Map<string, Promise<void>>();
  for (const { at, fault, choice } of schedule) {
    await sleep(started + at - Date.now());
    await busy.get(fault.service);
    await waitServiceUp(ctx, fault.service);
    const firedAt = Date.now();
    const elapsed = ((firedAt - started) / 1000).toFixed(1);
    const done = fault.inject(ctx, choice).then(
      async (target) => {
        const record = {
          fault: fault.name,
          target,
          at: firedAt - started,
          recoveredMs: Date.now() - firedAt,
        };
        records.push(record);
        if (UNPROXIED.has(fault.service)) await afterServerRestart();
        ctx.print(
          `  +${elapsed} s ${fault.name}: ${target}, back after ${(record.recoveredMs / 1000).toFixed(1)} s`,
        );
      },
      (error: unknown) => {
        records.push({
          fault: fault.name,
          target: `FAILED: ${(error as Error).message}`,
          at: firedAt - started,
          recoveredMs: -1,
        });
        ctx.print(`  +${elapsed} s ${fault.name} failed: ${(error as Error).message}`);
      },
    );
    busy.set(fault.service, done);
  }
  await Promise.all(busy.values());
  // The last restarted replicas back in HAProxy's rotation before the run goes on.
  await Promise.all(schedule.map((s) => waitServiceUp(ctx, s.fault.service)));
  return records.sort((a, b) => a.at - b.at);
}
