/** A Redis stream entry id (`<ms>-<seq>`) as its two numbers, so ids compare exactly. */
function parse(id: string): [ms: bigint, seq: bigint] {
  const [ms, seq = '0'] = id.split('-');
  return [BigInt(ms ?? '0'), BigInt(seq)];
}

/** Whether `id` is a complete stream entry id (what a resume cursor must be). */
export const isStreamId = (id: unknown): id is string =>
  typeof id === 'string' && /^\d{1,20}-\d{1,20}$/.test(id);

/** Negative, zero or positive as stream id `a` is before, equal to or after `b`. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = parse(a);
  const [bMs, bSeq] = parse(b);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}
