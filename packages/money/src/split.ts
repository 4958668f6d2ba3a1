/**
 * Splits `total` minor units in proportion to `weights` with the largest-remainder method:
 * each part gets its floor share, then the leftover units go one each to the largest
 * remainders, ties to the earlier index. The parts always sum exactly to the total.
 * Callers order `weights` deterministically (e.g. by investor id) so the extra cents are too.
 */
export function splitProRata(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError('total must not be negative');
  if (weights.some((w) => w < 0n)) throw new RangeError('weights must not be negative');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('weights must not all be zero');

  const parts = weights.map((w) => (total * w) / sum);
  let leftover = total - parts.reduce((a, b) => a + b, 0n);
  const byRemainder = weights
    .map((w, index) => ({ index, remainder: (total * w) % sum }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    parts[index]! += 1n;
    leftover -= 1n;
  }
  return parts;
}
