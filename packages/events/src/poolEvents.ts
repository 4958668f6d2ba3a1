import { isObject, parseDomainEvent, type DomainEvent } from './events.ts';

/**
 * The pools subgraph's events (stream `<prefix>pools.events`, aggregate = pool). Each is a
 * snapshot, not a delta: it carries the whole current state of the pool or of one membership,
 * written in the MySQL transaction that changed it. `revision` counts every committed change to
 * the pool or its memberships (all of them take the pool's row lock), so a consumer applies a
 * snapshot only when its revision is greater than the one it holds, and redelivered or
 * reordered events change nothing.
 */
export type PoolStatusName = 'DRAFT' | 'OPEN' | 'CLOSED' | 'ARCHIVED';
export type PoolVisibilityName = 'LISTED' | 'INVITE_ONLY';

export interface PoolChangedPayload {
  poolId: string;
  revision: number;
  name: string;
  /** ISO 4217; fixed once the pool has members. */
  currency: string;
  managerId: string;
  status: PoolStatusName;
  /**
   * LISTED (every investor sees the pool while OPEN) or INVITE_ONLY (a private deal: invited
   * investors and members only). Absent in events written before private deals: LISTED.
   */
  visibility?: PoolVisibilityName;
  /** Minor units as decimal strings (never floats); null when the pool has no target. */
  targetMinor: string | null;
  /** Σ of current members' commitments. */
  committedMinor: string;
  /** Σ of capital called so far (every call's items). */
  calledMinor: string;
  memberCount: number;
  /**
   * The fund terms in force (the newest version), or null when none were set. Absent in events
   * written before fund terms: none.
   */
  terms?: PoolTermsFacts | null;
}

/** A pool's fund terms as pools states them; rates in basis points (10000 = 100 %). */
export interface PoolTermsFacts {
  version: number;
  managementFeeBps: number;
  feeBasis: 'COMMITMENTS' | 'INVESTED_CAPITAL';
  feeFrequency: 'ONCE' | 'ANNUAL' | 'QUARTERLY';
  feeHolidayMonths: number;
  carryBps: number;
  hurdleBps: number;
  hurdleCompounding: 'SIMPLE' | 'COMPOUND';
  catchUp: 'NONE' | 'FULL';
}

export interface MembershipChangedPayload {
  poolId: string;
  investorId: string;
  membershipId: string;
  revision: number;
  /** False once the member was removed. */
  member: boolean;
  commitmentMinor: string;
}

/**
 * A capital call was made: a fact, not a snapshot (it carries no revision). Consumers that act
 * on it deduplicate on the event id. Each member's exact part of the call is in `items`.
 */
export interface CapitalCalledPayload {
  poolId: string;
  callId: string;
  currency: string;
  /** The share of each commitment called, as a decimal string ("25" or "12.5"). */
  percent: string;
  /** ISO 8601 UTC. */
  dueDate: string;
  items: Array<{ investorId: string; calledMinor: string }>;
}

export type PoolChangedEvent = DomainEvent<'PoolChanged', PoolChangedPayload>;
export type MembershipChangedEvent = DomainEvent<'MembershipChanged', MembershipChangedPayload>;
export type CapitalCalledEvent = DomainEvent<'CapitalCalled', CapitalCalledPayload>;
export type PoolEvent = PoolChangedEvent | MembershipChangedEvent;

export const poolEventsStream = (prefix: string): string => `${prefix}pools.events`;

const STATUSES: readonly string[] = ['DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED'];
const INTEGER = /^-?\d+$/;
const isMinor = (value: unknown): value is string =>
  typeof value === 'string' && INTEGER.test(value);
const isRevision = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

const isBps = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 10000;

function isTerms(t: unknown): t is PoolTermsFacts {
  return (
    isObject(t) &&
    isRevision(t.version) &&
    isBps(t.managementFeeBps) &&
    (t.feeBasis === 'COMMITMENTS' || t.feeBasis === 'INVESTED_CAPITAL') &&
    (t.feeFrequency === 'ONCE' || t.feeFrequency === 'ANNUAL' || t.feeFrequency === 'QUARTERLY') &&
    typeof t.feeHolidayMonths === 'number' &&
    Number.isSafeInteger(t.feeHolidayMonths) &&
    isBps(t.carryBps) &&
    t.carryBps < 10000 &&
    isBps(t.hurdleBps) &&
    (t.hurdleCompounding === 'SIMPLE' || t.hurdleCompounding === 'COMPOUND') &&
    (t.catchUp === 'NONE' || t.catchUp === 'FULL')
  );
}

function isPoolChanged(p: unknown): p is PoolChangedPayload {
  return (
    isObject(p) &&
    typeof p.poolId === 'string' &&
    isRevision(p.revision) &&
    typeof p.name === 'string' &&
    typeof p.currency === 'string' &&
    typeof p.managerId === 'string' &&
    typeof p.status === 'string' &&
    STATUSES.includes(p.status) &&
    (p.visibility === undefined || p.visibility === 'LISTED' || p.visibility === 'INVITE_ONLY') &&
    (p.targetMinor === null || isMinor(p.targetMinor)) &&
    isMinor(p.committedMinor) &&
    isMinor(p.calledMinor) &&
    typeof p.memberCount === 'number' &&
    Number.isSafeInteger(p.memberCount) &&
    (p.terms === undefined || p.terms === null || isTerms(p.terms))
  );
}

function isMembershipChanged(p: unknown): p is MembershipChangedPayload {
  return (
    isObject(p) &&
    typeof p.poolId === 'string' &&
    typeof p.investorId === 'string' &&
    typeof p.membershipId === 'string' &&
    isRevision(p.revision) &&
    typeof p.member === 'boolean' &&
    isMinor(p.commitmentMinor)
  );
}

function isCapitalCalled(p: unknown): p is CapitalCalledPayload {
  return (
    isObject(p) &&
    typeof p.poolId === 'string' &&
    typeof p.callId === 'string' &&
    typeof p.currency === 'string' &&
    typeof p.percent === 'string' &&
    typeof p.dueDate === 'string' &&
    Array.isArray(p.items) &&
    p.items.every(
      (item) => isObject(item) && typeof item.investorId === 'string' && isMinor(item.calledMinor),
    )
  );
}

/** Parses and checks a CapitalCalled event; throws on anything else. */
export function parseCapitalCalled(raw: unknown): CapitalCalledEvent {
  const event = parseDomainEvent(raw);
  if (event.type === 'CapitalCalled' && isCapitalCalled(event.payload)) {
    return event as CapitalCalledEvent;
  }
  throw new TypeError(`event ${event.id} is not a valid CapitalCalled event`);
}

/** Parses and checks a pools event (from a stream entry); throws on anything else. */
export function parsePoolEvent(raw: unknown): PoolEvent {
  const event = parseDomainEvent(raw);
  if (event.type === 'PoolChanged' && isPoolChanged(event.payload)) {
    return event as PoolChangedEvent;
  }
  if (event.type === 'MembershipChanged' && isMembershipChanged(event.payload)) {
    return event as MembershipChangedEvent;
  }
  throw new TypeError(`event ${event.id} is not a valid pools event`);
}
