/**
 * npm run checks [-- group|check …]: the static checks alone (scripts/lib/staticChecks.ts).
 * `npm run lint` and `npm run typecheck` run their group. Exits 1 if any failed.
 */
import { checkNames, runChecks, unknownChecks } from './lib/staticChecks.ts';

const wanted = process.argv.slice(2);
const unknown = unknownChecks(wanted);
if (unknown.length) {
  console.error(`Unknown check ${unknown.join(', ')}; the checks: ${checkNames().join(', ')}.`);
  process.exit(2);
}
const failed = await runChecks({ wanted, write: (text) => process.stdout.write(text) });
if (failed.length) {
  console.error(`\n${failed.length} check(s) failed: ${failed.join(', ')}.`);
  process.exit(1);
}
