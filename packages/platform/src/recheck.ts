/**
 * How often a live subscription checks again what it was admitted on: its token and session
 * (the gateway and every subgraph's WebSocket server), a member's membership (the ledger's
 * pool watch). A revoked session or an expired token ends it within this plus the revocation
 * cache (`REVOCATION_CACHE_MS`).
 */
export const SUBSCRIPTION_RECHECK_MS = 2_000;

/** The period is cut into this many slots, one run per tick. */
const SLOTS = 10;

/** Each check in its own entry object, should one function be scheduled twice. */
const slots: Array<Set<{ check: () => void }>> = Array.from({ length: SLOTS }, () => new Set());
let current = 0;
let registered = 0;
let timer: NodeJS.Timeout | undefined;

function tick(): void {
  current = (current + 1) % SLOTS;
  for (const entry of slots[current]!) {
    try {
      entry.check();
    } catch {
      // A check reports its own verdict (it ends its subscription); a throw here is a bug in
      // one check and must not stop the others.
    }
  }
}

/** The slot of the checks that share `key`. */
function slotOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % SLOTS;
}

/**
 * Runs `check` every SUBSCRIPTION_RECHECK_MS until the returned function is called. One timer
 * per process serves every live subscription (10,000 sockets are not 10,000 intervals): it
 * ticks ten times a period and runs one slot each tick, a new check joining the slot that just
 * ran, so each runs once a period and the checks spread over it as they did with a timer each.
 * Checks scheduled with the same `key` share a slot instead and run in the same tick, so what
 * they ask at once can be answered once (the gateway keys its checks by token, and concurrent
 * verifications of one token share an answer). The timer stops when no check is left and never
 * keeps the process alive.
 */
export function scheduleRecheck(check: () => void, key?: string): () => void {
  const slot = slots[key === undefined ? current : slotOf(key)]!;
  const entry = { check };
  slot.add(entry);
  registered++;
  if (!timer) {
    timer = setInterval(tick, SUBSCRIPTION_RECHECK_MS / SLOTS);
    timer.unref();
  }
  let cancelled = false;
  return () => {
    if (cancelled) return;
    cancelled = true;
    slot.delete(entry);
    registered--;
    if (registered === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
