import { describe, expect, it } from 'vitest';
import { FAULTS } from '../lib/chaos/faults.ts';
import { summaryTable } from '../lib/chaos/report.ts';
import { runChaos } from '../lib/chaos/run.ts';

/**
 * The live-subscription gap the chaos run found (docs/OPERATIONS.md, "Chaos"): a ledger replica
 * or Redis going away under a connected client loses the pub/sub events of the reconnect gap,
 * and nobody tells the client. Reported by every run, not yet fixed, so not asserted here.
 */
const KNOWN_GAP = 'no live subscriber missed an event while connected';

describe('npm run chaos: faults under load', () => {
  it('loses no acknowledged money movement, applies every event once and leaks no process across 30 s of seeded faults', async () => {
    const output: string[] = [];
    const result = await runChaos({
      seconds: 30,
      seed: 14,
      print: (line) => void output.push(`${line}\n`),
      printService: (line) => void output.push(line),
    }).catch((error: unknown) => {
      console.info(output.slice(-80).join(''));
      throw error;
    });
    const table = summaryTable(result);
    // CHAOS_TABLE=1 prints the table of a passing run too.
    if (process.env.CHAOS_TABLE || !result.pass) console.info(table);
    const failed = result.checks.filter((c) => !c.pass && c.name !== KNOWN_GAP);
    expect(failed, table).toEqual([]);
    // Every fault of the table was injected, and the load got through them.
    expect(new Set(result.faults.map((f) => f.fault)).size).toBe(FAULTS.length);
    expect(result.stats.contributions.length).toBeGreaterThan(50);
    expect(result.checks.some((c) => c.name === KNOWN_GAP)).toBe(true);
  }, 170_000);
});
