/**
 * Resumable subscriptions (docs/OPERATIONS.md, "Subscriptions across faults"). Each event a
 * resumable subscription delivers carries a cursor in its `next` message's `extensions.cursor`
 * (not in the schema: it is transport, like a sequence number). A caller that lost its socket
 * subscribes again with `extensions.resumeAfter` set to the last cursor it received, and is
 * sent what it missed first. The gateway does this for its upstream subscriptions.
 */
const CURSOR = Symbol('subscription cursor');
const STATE = Symbol('subscription state');

/** The name of the `next` message extension that carries the cursor. */
export const CURSOR_EXTENSION = 'cursor';
/** The name of the subscribe message extension that asks to resume after a cursor. */
export const RESUME_EXTENSION = 'resumeAfter';
/**
 * The name of the `next` message extension (true) that marks a result as the whole current
 * state rather than a change: a later subscriber to the same stream may be handed the latest
 * one at once (the gateway's shared sources do), since it replaces everything before it.
 */
export const STATE_EXTENSION = 'state';

/** Marks a subscription's root value with the cursor of the event it came from. */
export function withCursor<T extends object>(value: T, cursor: string): T {
  return Object.assign(value, { [CURSOR]: cursor });
}

/** The cursor withCursor put on a root value, if any. */
export function cursorOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const cursor = (value as { [CURSOR]?: unknown })[CURSOR];
  return typeof cursor === 'string' ? cursor : undefined;
}

/** Marks a subscription's root value as a whole current state (STATE_EXTENSION). */
export function asState<T extends object>(value: T): T {
  return Object.assign(value, { [STATE]: true });
}

/** Whether asState marked a root value. */
export function isState(value: unknown): boolean {
  return typeof value === 'object' && value !== null && STATE in value;
}

const resumes = new WeakMap<object, string>();

/** Called by the WebSocket server: the subscription with this context asked to resume. */
export function setResumeAfter(context: unknown, cursor: unknown): void {
  if (typeof context !== 'object' || context === null) return;
  if (typeof cursor === 'string' && cursor.length > 0 && cursor.length <= 64) {
    resumes.set(context, cursor);
  }
}

/** The cursor a subscription's subscribe message asked to resume after, if any. */
export function resumeAfterOf(context: unknown): string | undefined {
  if (typeof context !== 'object' || context === null) return undefined;
  return resumes.get(context);
}
