/**
 * Resumable subscriptions (docs/OPERATIONS.md, "Subscriptions across faults"). Each event a
 * resumable subscription delivers carries a cursor in its `next` message's `extensions.cursor`
 * (not in the schema: it is transport, like a sequence number). A caller that lost its socket
 * subscribes again with `extensions.resumeAfter` set to the last cursor it received, and is
 * sent what it missed first. The gateway does this for its upstream subscriptions.
 *
 * A caller that also sends `extensions.position: true` is first sent where its subscription
 * starts: a `next` message with no data whose extensions are `{ cursor, position: true }`. So a
 * socket lost before the first event resumes after that position instead of missing whatever
 * was published until it subscribed again.
 */
const CURSOR = Symbol('subscription cursor');
const STATE = Symbol('subscription state');
const POSITION = Symbol('subscription position');

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
/**
 * The subscribe message extension (true) that asks for the starting position, and the `next`
 * message extension (true) that marks the message carrying it (no data: not an event).
 */
export const POSITION_EXTENSION = 'position';

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

/** A root value that is the position a subscription starts after (`position`), not an event. */
export function positionMarker(cursor: string): object {
  return withCursor({ [POSITION]: true }, cursor);
}

/** Whether positionMarker made a root value. */
export function isPositionMarker(value: unknown): boolean {
  return typeof value === 'object' && value !== null && POSITION in value;
}

/** What a subscribe message asked of a resumable subscription. */
export interface Resume {
  /** Resume after this cursor: the events missed since come first. */
  resumeAfter?: string;
  /** Say first where the subscription starts (POSITION_EXTENSION). */
  position?: boolean;
}

const resumes = new WeakMap<object, Resume>();

/** Called by the WebSocket server with the subscribe message's extensions. */
export function setResume(
  context: unknown,
  extensions: Record<string, unknown> | null | undefined,
) {
  if (typeof context !== 'object' || context === null || !extensions) return;
  const cursor = extensions[RESUME_EXTENSION];
  const resume: Resume = {};
  if (typeof cursor === 'string' && cursor.length > 0 && cursor.length <= 64) {
    resume.resumeAfter = cursor;
  }
  if (extensions[POSITION_EXTENSION] === true) resume.position = true;
  resumes.set(context, resume);
}

/** What the subscription with this context asked for; spread into a stream tail's follow. */
export function resumeOf(context: unknown): Resume {
  if (typeof context !== 'object' || context === null) return {};
  return resumes.get(context) ?? {};
}
