import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AlertRow } from '../data/alerts.ts';
import type { EffectiveRule } from '../services/rules.ts';
import type { MoneyValue } from '@poolgraph/money';
import type { PoolRef } from '../data/poolFacts.ts';
import type { ChannelRow, ChannelCreated } from '../data/channels.ts';
import type { NotificationRow } from '../data/notifications.ts';
import type { NoticeRow } from '../data/notices.ts';
import type { AttemptRow } from '../data/deliveryAttempts.ts';
import type { PartnerWebhookRow } from '../data/partnerWebhooks.ts';
import type { WebhookWithSecret } from '../services/partnerWebhooks.ts';
import type { PartnerDeliveryRow } from '../data/partnerDeliveries.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in ISO 8601, always returned in UTC, e.g. "2026-01-31T12:00:00.000Z". */
  DateTime: { input: Date; output: Date; }
  /** An exact decimal number as a string, e.g. "1250.50". Never a float. */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Unusual activity detected on a pool. Visible to the pool's manager and to admins only. */
export type Alert = {
  __typename?: 'Alert';
  /** TRANSACTION_SPIKE: the average count per window over the baseline period; null otherwise. */
  baselineCount?: Maybe<Scalars['Float']['output']>;
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /** Which rule raised the alert. */
  kind: AlertKind;
  /** A sentence for humans describing what was detected. */
  message: Scalars['String']['output'];
  /** TRANSACTION_SPIKE: how many transactions were counted in the window; null otherwise. */
  observedCount?: Maybe<Scalars['Int']['output']>;
  /** The pool the activity happened in. */
  pool: Pool;
  /** When the alert was raised. */
  raisedAt: Scalars['DateTime']['output'];
  /** OPEN until acknowledged or resolved. */
  status: AlertStatus;
  /** The transaction that triggered a LARGE_TRANSACTION alert; null for spikes. */
  transaction?: Maybe<Transaction>;
};

/** A page of alerts, newest first. */
export type AlertConnection = {
  __typename?: 'AlertConnection';
  /** The alerts with their cursors. */
  edges: Array<AlertEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One alert in a page. */
export type AlertEdge = {
  __typename?: 'AlertEdge';
  /** Pass as `after` to continue with older alerts. */
  cursor: Scalars['String']['output'];
  /** The alert. */
  node: Alert;
};

/** What kind of unusual activity an alert reports. */
export type AlertKind =
  /** One posted transaction whose amount exceeds the pool's threshold. */
  | 'LARGE_TRANSACTION'
  /** Many more transactions in a short window than the pool's recent average. */
  | 'TRANSACTION_SPIKE';

/**
 * A pool's rule for one kind of alert. A pool has both kinds at all times: a kind its manager never
 * set uses the defaults (LARGE_TRANSACTION: 10% of the pool's target amount, off when the pool
 * has no target; TRANSACTION_SPIKE: factor 10, window 300 s, baseline 3600 s, at least 5).
 */
export type AlertRule = {
  __typename?: 'AlertRule';
  /** TRANSACTION_SPIKE: the period before the window that the average is taken over, in seconds. */
  baselineSeconds?: Maybe<Scalars['Int']['output']>;
  /** Whether the rule raises alerts. */
  enabled: Scalars['Boolean']['output'];
  /** Stable identifier; "default:<poolId>:<kind>" for a rule still on its defaults. */
  id: Scalars['ID']['output'];
  /** True while the rule is the pool's default (never set by its manager). */
  isDefault: Scalars['Boolean']['output'];
  /** Which kind of alert the rule raises. */
  kind: AlertKind;
  /** TRANSACTION_SPIKE: the window must hold at least this many transactions. */
  minCount?: Maybe<Scalars['Int']['output']>;
  /** The pool the rule watches. */
  pool: Pool;
  /** TRANSACTION_SPIKE: how many times the baseline average the window must reach. */
  spikeFactor?: Maybe<Scalars['Float']['output']>;
  /**
   * LARGE_TRANSACTION: one transaction above this amount raises an alert; null for spikes, or when
   * the pool has no target and none was set.
   */
  threshold?: Maybe<Money>;
  /** TRANSACTION_SPIKE: the window counted, in seconds. */
  windowSeconds?: Maybe<Scalars['Int']['output']>;
};

/**
 * What a pool's manager sets for one kind of rule. Fields left out keep their current value (or
 * the default); fields that do not apply to the kind must be left out.
 */
export type AlertRuleInput = {
  /** TRANSACTION_SPIKE: greater than windowSeconds, at most 604800 (7 days). */
  baselineSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Turn the rule on or off. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Which rule to set. */
  kind: AlertKind;
  /** TRANSACTION_SPIKE: at least 1 (at most 1000000). */
  minCount?: InputMaybe<Scalars['Int']['input']>;
  /** The pool (its manager, or an admin, may set its rules). */
  poolId: Scalars['ID']['input'];
  /** TRANSACTION_SPIKE: greater than 1 (at most 1000). */
  spikeFactor?: InputMaybe<Scalars['Float']['input']>;
  /** LARGE_TRANSACTION: greater than zero, in the pool's currency (its decimals at most). */
  threshold?: InputMaybe<Scalars['Decimal']['input']>;
  /** TRANSACTION_SPIKE: at least 1, less than baselineSeconds. */
  windowSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** Where an alert is in its life. */
export type AlertStatus =
  /** The pool's manager (or an admin) has seen it. */
  | 'ACKNOWLEDGED'
  /** Raised and not yet looked at. */
  | 'OPEN'
  /** The condition is over and the alert is closed. */
  | 'RESOLVED';

/** One mutation this subgraph served, as its audit log keeps it (never its variables). */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /**
   * The user or partner API key that called (for signUp and logIn: the account signed in); null
   * when the caller stayed anonymous (a failed logIn).
   */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** The caller's roles at the time. */
  actorRoles: Array<Scalars['String']['output']>;
  /** When the mutation finished. */
  at: Scalars['DateTime']['output'];
  /**
   * Each executed field with its arguments' shape and never their values (no password, token,
   * key or email), e.g. "signUp(input: {email, password, name, role})".
   */
  calls: Array<Scalars['String']['output']>;
  /** The caller's address, as the gateway saw it. */
  clientAddress: Scalars['String']['output'];
  /** The operation name the client sent: its claim, not checked against what ran; null if none. */
  clientOperationName?: Maybe<Scalars['String']['output']>;
  /** The Mutation fields of this subgraph that executed (after @include/@skip), in order. */
  fields: Array<Scalars['String']['output']>;
  /** Increasing id within this subgraph's log; pass it as `before` for older entries. */
  id: Scalars['ID']['output'];
  /**
   * What ran, built by this subgraph from the fields that executed: "mutation createPool", or
   * "mutation (nothing ran)" when the request failed before executing.
   */
  operation: Scalars['String']['output'];
  /** "ok", or the error codes of the response, comma-separated. */
  outcome: Scalars['String']['output'];
  /** The request id (x-request-id) the gateway gave the request. */
  requestId: Scalars['String']['output'];
};

/** A page of a subgraph's audit log, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The entries with their cursors. */
  edges: Array<AuditEntryEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One audit entry in a page. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Pass as `after` to continue with older entries. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AuditEntry;
};

/** One attempt to deliver a notification. */
export type DeliveryAttempt = {
  __typename?: 'DeliveryAttempt';
  /** 1 for the first attempt. */
  attempt: Scalars['Int']['output'];
  /** When it was made. */
  attemptedAt: Scalars['DateTime']['output'];
  /** How long it took. */
  durationMs: Scalars['Int']['output'];
  /** What went wrong, if anything. */
  error?: Maybe<Scalars['String']['output']>;
  /** Whether it was delivered. */
  ok: Scalars['Boolean']['output'];
  /** WEBHOOK: the HTTP status answered, if any. */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

/** An exact amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** The amount with exactly the currency's decimals, e.g. "1250.50" USD or "1250" JPY. */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 code, e.g. "USD". */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Marks an OPEN alert as ACKNOWLEDGED. Only the pool's manager or an admin may; an alert in
   * any other status is rejected with BAD_USER_INPUT.
   */
  acknowledgeAlert: Alert;
  /** Adds a webhook or email channel for the caller (a MANAGER); at most 10 per manager. */
  addNotificationChannel: NotificationChannelCreated;
  /**
   * Registers an endpoint for an API key's pool events. The key's owner (the manager who issued a
   * delegated key) or an ADMIN; another's key NOT_FOUND; a revoked, expired or platform key, an
   * event type outside the key's scopes, a bad URL BAD_USER_INPUT; past 5 webhooks per key
   * CONFLICT. The secret is in the answer and nowhere else.
   */
  addPartnerWebhook: PartnerWebhookCreated;
  /** Marks in-app notifications read; returns how many changed. */
  markInboxRead: Scalars['Int']['output'];
  /**
   * Marks the caller's notices read (all of their unread notices when ids is left out); returns
   * how many changed. Ids that are not the caller's own change nothing. At most 500 ids.
   */
  markNoticesRead: Scalars['Int']['output'];
  /**
   * Sends again one delivery (`deliveryId`) or every delivery of the webhook queued at or after
   * `since` (exactly one of the two), whatever their state, with the same delivery and event
   * ids. How many were queued. Same callers as addPartnerWebhook; a revoked or expired key
   * BAD_USER_INPUT.
   */
  redeliverPartnerWebhook: Scalars['Int']['output'];
  /** Removes one of the caller's channels; pending notifications to it are dead-lettered. */
  removeNotificationChannel: Scalars['Boolean']['output'];
  /** Removes a webhook; its pending deliveries end DEAD. Same callers as addPartnerWebhook. */
  removePartnerWebhook: Scalars['Boolean']['output'];
  /** Sends a DEAD (or still PENDING) webhook or email notification again, now, with a fresh count of attempts. */
  replayNotification: Notification;
  /**
   * Marks an OPEN or ACKNOWLEDGED alert as RESOLVED. Only the pool's manager or an admin may.
   * Spike alerts also resolve themselves when the rate falls back.
   */
  resolveAlert: Alert;
  /** Sets one of a pool's rules (validated; each error names its field). The pool's manager or an admin. */
  setAlertRule: AlertRule;
  /**
   * Sets whether the caller's notices of one kind are also emailed (to the address in
   * noticeEmailAddress); applies to notices written from then on. Any signed-in person; API keys
   * FORBIDDEN.
   */
  setNoticePreference: NoticePreference;
};


export type MutationAcknowledgeAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAddNotificationChannelArgs = {
  input: NotificationChannelInput;
};


export type MutationAddPartnerWebhookArgs = {
  input: PartnerWebhookInput;
};


export type MutationMarkInboxReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationMarkNoticesReadArgs = {
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationRedeliverPartnerWebhookArgs = {
  deliveryId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  webhookId: Scalars['ID']['input'];
};


export type MutationRemoveNotificationChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemovePartnerWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayNotificationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResolveAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetAlertRuleArgs = {
  input: AlertRuleInput;
};


export type MutationSetNoticePreferenceArgs = {
  email: Scalars['Boolean']['input'];
  kind: NoticeKind;
};

/**
 * Something that happened to an investor's money in one pool, told to them with their own
 * amount. Visible to that investor only.
 */
export type Notice = {
  __typename?: 'Notice';
  /**
   * The investor's own amount: their part of the call, their share of the distribution or fee,
   * their payment's amount.
   */
  amount: Money;
  /**
   * CARRY: the part of the manager's carried interest the investor's capital bore (the amount);
   * null for other kinds.
   */
  carryBorne?: Maybe<Money>;
  /** When the notice was written (its place in the inbox). */
  createdAt: Scalars['DateTime']['output'];
  /** CAPITAL_CALL: when payment is due; null otherwise. */
  dueDate?: Maybe<Scalars['DateTime']['output']>;
  /** FEE: the investor's share of the fee (the amount); null for other kinds. */
  fee?: Maybe<Money>;
  /**
   * FEE charged by the management fee schedule: the period it is the fee for; null for a fee the
   * manager charged by hand and every other kind.
   */
  feePeriod?: Maybe<NoticeFeePeriod>;
  /** Stable identifier (a time-ordered UUID). */
  id: Scalars['ID']['output'];
  /** What happened. */
  kind: NoticeKind;
  /** A sentence for the investor, with the amount. */
  message: Scalars['String']['output'];
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The pool it happened in. */
  pool: Pool;
  /** When the investor marked it read; null while unread. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * DISTRIBUTION paid through the pool's waterfall: the investor's tiers; null for a pro-rata
   * distribution and every other kind.
   */
  tiers?: Maybe<NoticeTiers>;
  /** The ledger transaction it is about; null for capital calls. */
  transaction?: Maybe<Transaction>;
};

/** A page of the caller's notices, newest first. */
export type NoticeConnection = {
  __typename?: 'NoticeConnection';
  /** The notices with their cursors. */
  edges: Array<NoticeEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One notice in a page. */
export type NoticeEdge = {
  __typename?: 'NoticeEdge';
  /** Pass as `after` to continue with older notices. */
  cursor: Scalars['String']['output'];
  /** The notice. */
  node: Notice;
};

/** The period a scheduled management fee was charged for. */
export type NoticeFeePeriod = {
  __typename?: 'NoticeFeePeriod';
  /** When the next period starts; null for a fee charged once. */
  end?: Maybe<Scalars['DateTime']['output']>;
  /** When the period starts (the fee is charged in advance, due then). */
  start: Scalars['DateTime']['output'];
};

/** What a notice tells an investor about. */
export type NoticeKind =
  /** A capital call: the investor's own part of it, and when it is due. */
  | 'CAPITAL_CALL'
  /**
   * Carried interest the pool paid its manager from a distribution: the investor's own part of
   * it, borne by their capital (amount and carryBorne).
   */
  | 'CARRY'
  /** The investor's contribution arrived and is on the books (amount: what arrived). */
  | 'CONTRIBUTION_POSTED'
  /**
   * The investor's contribution failed, was cancelled or expired; the pool took none of it (amount:
   * what was started). Money that arrived for it anyway is a PAYMENT_HELD notice.
   */
  | 'CONTRIBUTION_VOIDED'
  /** A distribution paid to the investor: their own share. */
  | 'DISTRIBUTION'
  /** A distribution to the investor that was cancelled before it was paid. */
  | 'DISTRIBUTION_VOIDED'
  /** A fee charged to the pool: the investor's own share of it. */
  | 'FEE'
  /**
   * Money the investor paid that the pool did not take (their contribution had ended, or more
   * arrived than it was for) and that is held for them until it is paid back (amount: what became
   * held). A card payment is refunded at once; a bank transfer is sent back by the pool's manager.
   */
  | 'PAYMENT_HELD'
  /**
   * Held money paid back to the investor: to their card, or by the manager's transfer (amount: what
   * was paid back).
   */
  | 'PAYMENT_REFUNDED'
  /** The investor's withdrawal was paid. */
  | 'WITHDRAWAL_POSTED'
  /** The investor's withdrawal was cancelled; the capital stays in the pool. */
  | 'WITHDRAWAL_VOIDED';

/** How an investor hears of one kind of notice. In the app always; by email as they choose. */
export type NoticePreference = {
  __typename?: 'NoticePreference';
  /**
   * Whether notices of this kind are also emailed. By default on for capital calls,
   * distributions, fees, carry and failed or cancelled payments; off for the investor's own
   * contribution or withdrawal going through.
   */
  email: Scalars['Boolean']['output'];
  /** Always true: every notice is in the app (the inbox and noticeReceived). */
  inApp: Scalars['Boolean']['output'];
  /** True while the investor never set it (the kind's default applies). */
  isDefault: Scalars['Boolean']['output'];
  /** The kind of notice it is for. */
  kind: NoticeKind;
};

/**
 * A member's distribution paid through the pool's waterfall, tier by tier (they sum to the
 * notice's amount).
 */
export type NoticeTiers = {
  __typename?: 'NoticeTiers';
  /** The preferred return (hurdle) on that capital. */
  preferredReturn: Money;
  /** The member's share of the profit beyond it, after the carry. */
  profitShare: Money;
  /** Capital given back: what the member had contributed and not had returned yet. */
  returnOfCapital: Money;
};

/** One alert sent to one channel: the notification outbox's row and its delivery state. */
export type Notification = {
  __typename?: 'Notification';
  /** The alert notified (receivers dedupe on its id). */
  alert: Alert;
  /** Attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** Which channel. */
  channel: NotificationChannelKind;
  /** The webhook or email channel; null for IN_APP. */
  channelId?: Maybe<Scalars['ID']['output']>;
  /** When it was created (the alert was raised). */
  createdAt: Scalars['DateTime']['output'];
  /** When it was delivered. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The delivery log: every attempt, oldest first. */
  deliveryAttempts: Array<DeliveryAttempt>;
  /** Stable identifier; webhooks carry it as `x-poolgraph-delivery-id`. */
  id: Scalars['ID']['output'];
  /** The last failure, if any. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** IN_APP: when the manager marked it read. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** Delivery state. */
  status: NotificationStatus;
};

/**
 * A manager's webhook or email channel. Every alert of every pool they manage is sent to each
 * enabled channel.
 */
export type NotificationChannel = {
  __typename?: 'NotificationChannel';
  /** When it was added. */
  createdAt: Scalars['DateTime']['output'];
  /** EMAIL: the address written to. */
  email?: Maybe<Scalars['String']['output']>;
  /** Whether alerts are sent to it. */
  enabled: Scalars['Boolean']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** WEBHOOK or EMAIL. */
  kind: NotificationChannelKind;
  /** WEBHOOK: the URL POSTed to. */
  url?: Maybe<Scalars['String']['output']>;
};

/** A channel just created. The webhook secret is shown here once and never again. */
export type NotificationChannelCreated = {
  __typename?: 'NotificationChannelCreated';
  /** The channel. */
  channel: NotificationChannel;
  /** WEBHOOK: the HMAC-SHA256 key for verifying `x-poolgraph-signature`; null for email. */
  secret?: Maybe<Scalars['String']['output']>;
};

/** What a manager adds: a webhook (url) or an email address (email). */
export type NotificationChannelInput = {
  /** EMAIL: an address, at most 320 characters. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** WEBHOOK or EMAIL (IN_APP always exists and cannot be added). */
  kind: NotificationChannelKind;
  /** WEBHOOK: an http(s) URL, at most 2048 characters; private and loopback addresses are refused in production. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** How an alert reaches a manager besides the in-app inbox. */
export type NotificationChannelKind =
  /** An email through the platform's SMTP server. */
  | 'EMAIL'
  /** The manager's inbox in the app (every alert, always). */
  | 'IN_APP'
  /** An HTTPS POST signed with HMAC-SHA256. */
  | 'WEBHOOK';

/** A page of notifications, newest first. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The notifications with their cursors. */
  edges: Array<NotificationEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One notification in a page. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Pass as `after` to continue with older notifications. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** Where one notification stands. */
export type NotificationStatus =
  /** Gave up after the maximum number of attempts; replayNotification tries again. */
  | 'DEAD'
  /** Delivered (for webhooks: a 2xx answer). */
  | 'DELIVERED'
  /** Not delivered yet; retried with backoff. */
  | 'PENDING';

/**
 * Where a page of a connection starts and ends (the graph's one pagination shape, declared
 * identically by every subgraph). Cursors are opaque; pass endCursor as `after` for the next page.
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor, or null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page started after a cursor, so items come before it (pages go forward only). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor, or null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** One pool event sent (or to be sent) to one partner webhook, with its attempts. */
export type PartnerDelivery = {
  __typename?: 'PartnerDelivery';
  /** Attempts since it was last queued (a redelivery starts again from 0). */
  attempts: Scalars['Int']['output'];
  /** When it was queued first. */
  createdAt: Scalars['DateTime']['output'];
  /** When it was last delivered; null if never. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every attempt, oldest first (redeliveries included). */
  deliveryAttempts: Array<DeliveryAttempt>;
  /**
   * The event's id (the ledger event's, or the alert's for ALERT_RAISED): receivers deduplicate
   * on it.
   */
  eventId: Scalars['ID']['output'];
  /** What happened. */
  eventType: PartnerEventType;
  /** Stable identifier (a UUID), sent as `deliveryId`; the same on every retry and redelivery. */
  id: Scalars['ID']['output'];
  /** What went wrong last, if anything. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** PENDING: when the next attempt is due; null otherwise. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The pool it happened in. */
  pool: Pool;
  /**
   * PENDING (to be sent, retried with backoff), DELIVERED (a 2xx answer) or DEAD (given up, or
   * not sent because the key was revoked or the pool left its scope).
   */
  status: NotificationStatus;
  /** The webhook it is for. */
  webhookId: Scalars['ID']['output'];
};

/** A page of a webhook's deliveries, newest first. */
export type PartnerDeliveryConnection = {
  __typename?: 'PartnerDeliveryConnection';
  /** The deliveries with their cursors. */
  edges: Array<PartnerDeliveryEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One delivery in a page. */
export type PartnerDeliveryEdge = {
  __typename?: 'PartnerDeliveryEdge';
  /** Pass as `after` to continue with older deliveries. */
  cursor: Scalars['String']['output'];
  /** The delivery. */
  node: PartnerDelivery;
};

/** A pool event a partner webhook can receive. */
export type PartnerEventType =
  /** An alert raised on the pool; needs the key's pools:read. */
  | 'ALERT_RAISED'
  /**
   * Money an investor paid that the pool did not take (the contribution had ended, or more arrived
   * than it asked) is held for a refund (the ledger's PaymentHeld); needs ledger:read.
   */
  | 'PAYMENT_HELD'
  /** Held money was paid back to the investor (the ledger's PaymentRefunded); needs ledger:read. */
  | 'PAYMENT_REFUNDED'
  /** A transaction of the pool posted (the ledger's TransactionPosted); needs the key's ledger:read. */
  | 'TRANSACTION_POSTED'
  /** A pending transaction of the pool voided (the ledger's TransactionVoided); needs ledger:read. */
  | 'TRANSACTION_VOIDED';

/**
 * An HTTPS endpoint that receives the pool events a partner API key may read, signed with its own
 * secret (alerts README, "Partner webhooks").
 */
export type PartnerWebhook = {
  __typename?: 'PartnerWebhook';
  /** The API key whose pools' events it receives. */
  apiKeyId: Scalars['ID']['output'];
  /** When it was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** The event types it receives. */
  eventTypes: Array<PartnerEventType>;
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /** Where the events are POSTed. */
  url: Scalars['String']['output'];
};

/** A new partner webhook and its signing secret. The secret cannot be shown again. */
export type PartnerWebhookCreated = {
  __typename?: 'PartnerWebhookCreated';
  /** The HMAC-SHA256 key (64 hex characters) that signs every delivery. Shown only now. */
  secret: Scalars['String']['output'];
  /** The webhook as lists show it. */
  webhook: PartnerWebhook;
};

/** A partner webhook to register. */
export type PartnerWebhookInput = {
  /** The API key (a manager's delegated key) whose pools' events the endpoint receives. */
  apiKeyId: Scalars['ID']['input'];
  /** The event types to receive, each listed once, each covered by the key's scopes. */
  eventTypes: Array<PartnerEventType>;
  /**
   * An absolute https URL (http is accepted outside production), at most 2048 characters, that
   * must not resolve to a private, loopback or link-local address in production.
   */
  url: Scalars['String']['input'];
};

/**
 * An investment pool (syndicate) run by a manager, in one currency.
 * Visible to its manager, its members and admins; OPEN pools are also listed to every signed-in user.
 */
export type Pool = {
  __typename?: 'Pool';
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /**
   * How many of the pool's alerts are OPEN, for dashboards. Counts only alerts the caller may see:
   * the pool's manager and admins get the real number, anyone else 0.
   */
  openAlertCount: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The pool's two rules (set or default). The pool's manager or an admin. */
  alertRules: Array<AlertRule>;
  /**
   * Alerts newest first, optionally for one pool and in one status. Admins see every pool's;
   * managers see only the pools they manage; a manager's delegated API key (pools:read) the
   * manager's alerts in the pools it covers (FORBIDDEN for a poolId it does not cover). At most
   * `first` alerts (1 to 500, default 100; `limit` is its older name), after the alert whose id
   * is `after`. Requires the role ADMIN or MANAGER, or a delegated key.
   * @deprecated Use alertsConnection.
   */
  alerts: Array<Alert>;
  /**
   * ADMIN only: the mutations this subgraph served, newest first (first 1 to 500, default 50).
   * @deprecated Use alertsAuditLogConnection.
   */
  alertsAuditLog: Array<AuditEntry>;
  /**
   * ADMIN only: the mutations this subgraph served, newest first: `first` 1 to 500 (default 50),
   * after the cursor `after` (an endCursor of this field).
   */
  alertsAuditLogConnection: AuditEntryConnection;
  /**
   * Alerts newest first, optionally for one pool and in one status, a page at a time. Admins see
   * every pool's; managers see only the pools they manage; a manager's delegated API key
   * (pools:read) the manager's alerts in the pools it covers (FORBIDDEN for a poolId it does not
   * cover). `first` 1 to 500 (default 100), after the cursor `after` (an endCursor of this field).
   * Requires the role ADMIN or MANAGER, or a delegated key.
   */
  alertsConnection: AlertConnection;
  /**
   * The caller's in-app inbox, newest first: one IN_APP notification per alert of the pools they
   * manage. `first` 1 to 200 (default 50), after the notification whose id is `after`.
   * @deprecated Use inboxConnection.
   */
  inbox: Array<Notification>;
  /**
   * The caller's in-app inbox, newest first: one IN_APP notification per alert of the pools they
   * manage. `first` 1 to 200 (default 50), after the cursor `after` (an endCursor of this field).
   */
  inboxConnection: NotificationConnection;
  /**
   * The address the caller's notice emails go to (their login email, as the users service last
   * announced it); null until it is known. Any signed-in person; API keys FORBIDDEN.
   */
  noticeEmailAddress?: Maybe<Scalars['String']['output']>;
  /**
   * How the caller hears of each kind of notice: every kind, their own choice or the default
   * (isDefault). Any signed-in person; API keys FORBIDDEN.
   */
  noticePreferences: Array<NoticePreference>;
  /**
   * The caller's notices, newest first, optionally only the unread. `first` 1 to 200 (default
   * 50), after the notice whose id is `after`. Any signed-in user (each sees only their own).
   * @deprecated Use noticesConnection.
   */
  notices: Array<Notice>;
  /**
   * The caller's notices, newest first, optionally only the unread, a page at a time. `first` 1 to
   * 200 (default 50), after the cursor `after` (an endCursor of this field). Any signed-in user
   * (each sees only their own).
   */
  noticesConnection: NoticeConnection;
  /** The caller's webhook and email channels. */
  notificationChannels: Array<NotificationChannel>;
  /**
   * The delivery log of the caller's webhook and email notifications, newest first, optionally in
   * one status (DEAD: the dead letters). `first` 1 to 200 (default 50).
   * @deprecated Use notificationDeliveriesConnection.
   */
  notificationDeliveries: Array<Notification>;
  /**
   * The delivery log of the caller's webhook and email notifications, newest first, optionally in
   * one status (DEAD: the dead letters). `first` 1 to 200 (default 50), after the cursor `after`
   * (an endCursor of this field).
   */
  notificationDeliveriesConnection: NotificationConnection;
  /**
   * A webhook's deliveries, newest first, optionally in one status. `first` 1 to 200; `after` the
   * id of the last delivery of the previous page. Same callers as partnerWebhooks.
   * @deprecated Use partnerDeliveriesConnection.
   */
  partnerDeliveries: Array<PartnerDelivery>;
  /**
   * A webhook's deliveries, newest first, optionally in one status, a page at a time. `first` 1 to
   * 200 (default 50), after the cursor `after` (an endCursor of this field for the same webhook).
   * Same callers as partnerWebhooks.
   */
  partnerDeliveriesConnection: PartnerDeliveryConnection;
  /**
   * The webhooks of an API key, oldest first. The key's owner (the manager who issued a delegated
   * key) or an ADMIN; anyone else's key is NOT_FOUND, other roles FORBIDDEN.
   */
  partnerWebhooks: Array<PartnerWebhook>;
  /** How many of the caller's notices are unread. Any signed-in user. */
  unreadNoticeCount: Scalars['Int']['output'];
};


export type QueryAlertRulesArgs = {
  poolId: Scalars['ID']['input'];
};


export type QueryAlertsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  poolId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<AlertStatus>;
};


export type QueryAlertsAuditLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAlertsAuditLogConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAlertsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  poolId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<AlertStatus>;
};


export type QueryInboxArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryInboxConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryNoticesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryNoticesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryNotificationDeliveriesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<NotificationStatus>;
};


export type QueryNotificationDeliveriesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<NotificationStatus>;
};


export type QueryPartnerDeliveriesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<NotificationStatus>;
  webhookId: Scalars['ID']['input'];
};


export type QueryPartnerDeliveriesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<NotificationStatus>;
  webhookId: Scalars['ID']['input'];
};


export type QueryPartnerWebhooksArgs = {
  apiKeyId: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every alert as it is raised, for one pool, or (no poolId) for every pool the caller manages
   * (admins: every pool; a delegated API key: the pools it covers). Only the pool's manager,
   * admins and the manager's delegated keys (pools:read) may subscribe.
   */
  alertRaised: Alert;
  /** Each notice of the caller's as it is written. Any signed-in user; each sees only their own. */
  noticeReceived: Notice;
  /**
   * How many of the caller's notices are unread, live: the count as soon as the subscription is
   * up, then again after each notice written for them and each markNoticesRead. Nothing written
   * between the first count and the subscription going live is missed, as it can be between the
   * unreadNoticeCount query and noticeReceived. Any signed-in user; each counts only their own.
   */
  unreadNoticeCount: Scalars['Int']['output'];
};


export type SubscriptionAlertRaisedArgs = {
  poolId?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * One money movement in a pool, recorded as balanced double entries.
 * Visible to the pool's manager, admins and the investor it belongs to.
 */
export type Transaction = {
  __typename?: 'Transaction';
  /** Stable identifier (a time-ordered UUID). */
  id: Scalars['ID']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Alert: Alert;
  Pool: Pool;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Alert:
    ( { __typename: 'Alert' }
    & GraphQLRecursivePick<FederationTypes['Alert'], {"id":true}> );
  Pool:
    ( { __typename: 'Pool' }
    & GraphQLRecursivePick<FederationTypes['Pool'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Alert: ResolverTypeWrapper<AlertRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AlertConnection: ResolverTypeWrapper<Omit<AlertConnection, 'edges'> & { edges: Array<ResolversTypes['AlertEdge']> }>;
  AlertEdge: ResolverTypeWrapper<Omit<AlertEdge, 'node'> & { node: ResolversTypes['Alert'] }>;
  AlertKind: AlertKind;
  AlertRule: ResolverTypeWrapper<EffectiveRule>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AlertRuleInput: AlertRuleInput;
  AlertStatus: AlertStatus;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnection>;
  AuditEntryEdge: ResolverTypeWrapper<AuditEntryEdge>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DeliveryAttempt: ResolverTypeWrapper<AttemptRow>;
  Money: ResolverTypeWrapper<MoneyValue>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Notice: ResolverTypeWrapper<NoticeRow>;
  NoticeConnection: ResolverTypeWrapper<Omit<NoticeConnection, 'edges'> & { edges: Array<ResolversTypes['NoticeEdge']> }>;
  NoticeEdge: ResolverTypeWrapper<Omit<NoticeEdge, 'node'> & { node: ResolversTypes['Notice'] }>;
  NoticeFeePeriod: ResolverTypeWrapper<NoticeFeePeriod>;
  NoticeKind: NoticeKind;
  NoticePreference: ResolverTypeWrapper<NoticePreference>;
  NoticeTiers: ResolverTypeWrapper<Omit<NoticeTiers, 'preferredReturn' | 'profitShare' | 'returnOfCapital'> & { preferredReturn: ResolversTypes['Money'], profitShare: ResolversTypes['Money'], returnOfCapital: ResolversTypes['Money'] }>;
  Notification: ResolverTypeWrapper<NotificationRow>;
  NotificationChannel: ResolverTypeWrapper<ChannelRow>;
  NotificationChannelCreated: ResolverTypeWrapper<ChannelCreated>;
  NotificationChannelInput: NotificationChannelInput;
  NotificationChannelKind: NotificationChannelKind;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationEdge']> }>;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationStatus: NotificationStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartnerDelivery: ResolverTypeWrapper<PartnerDeliveryRow>;
  PartnerDeliveryConnection: ResolverTypeWrapper<Omit<PartnerDeliveryConnection, 'edges'> & { edges: Array<ResolversTypes['PartnerDeliveryEdge']> }>;
  PartnerDeliveryEdge: ResolverTypeWrapper<Omit<PartnerDeliveryEdge, 'node'> & { node: ResolversTypes['PartnerDelivery'] }>;
  PartnerEventType: PartnerEventType;
  PartnerWebhook: ResolverTypeWrapper<PartnerWebhookRow>;
  PartnerWebhookCreated: ResolverTypeWrapper<WebhookWithSecret>;
  PartnerWebhookInput: PartnerWebhookInput;
  Pool: ResolverTypeWrapper<PoolRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Transaction: ResolverTypeWrapper<Transaction>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Alert: AlertRow;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  AlertConnection: Omit<AlertConnection, 'edges'> & { edges: Array<ResolversParentTypes['AlertEdge']> };
  AlertEdge: Omit<AlertEdge, 'node'> & { node: ResolversParentTypes['Alert'] };
  AlertRule: EffectiveRule;
  Boolean: Scalars['Boolean']['output'];
  AlertRuleInput: AlertRuleInput;
  AuditEntry: AuditEntry;
  AuditEntryConnection: AuditEntryConnection;
  AuditEntryEdge: AuditEntryEdge;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  DeliveryAttempt: AttemptRow;
  Money: MoneyValue;
  Mutation: Record<PropertyKey, never>;
  Notice: NoticeRow;
  NoticeConnection: Omit<NoticeConnection, 'edges'> & { edges: Array<ResolversParentTypes['NoticeEdge']> };
  NoticeEdge: Omit<NoticeEdge, 'node'> & { node: ResolversParentTypes['Notice'] };
  NoticeFeePeriod: NoticeFeePeriod;
  NoticePreference: NoticePreference;
  NoticeTiers: Omit<NoticeTiers, 'preferredReturn' | 'profitShare' | 'returnOfCapital'> & { preferredReturn: ResolversParentTypes['Money'], profitShare: ResolversParentTypes['Money'], returnOfCapital: ResolversParentTypes['Money'] };
  Notification: NotificationRow;
  NotificationChannel: ChannelRow;
  NotificationChannelCreated: ChannelCreated;
  NotificationChannelInput: NotificationChannelInput;
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationEdge']> };
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  PageInfo: PageInfo;
  PartnerDelivery: PartnerDeliveryRow;
  PartnerDeliveryConnection: Omit<PartnerDeliveryConnection, 'edges'> & { edges: Array<ResolversParentTypes['PartnerDeliveryEdge']> };
  PartnerDeliveryEdge: Omit<PartnerDeliveryEdge, 'node'> & { node: ResolversParentTypes['PartnerDelivery'] };
  PartnerWebhook: PartnerWebhookRow;
  PartnerWebhookCreated: WebhookWithSecret;
  PartnerWebhookInput: PartnerWebhookInput;
  Pool: PoolRef;
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  Transaction: Transaction;
};

export type AlertResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Alert'] = ResolversParentTypes['Alert'], FederationReferenceType extends FederationReferenceTypes['Alert'] = FederationReferenceTypes['Alert']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Alert']> | FederationReferenceType, FederationReferenceType, ContextType>;
  baselineCount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AlertKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  observedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AlertStatus'], ParentType, ContextType>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType>;
};

export type AlertConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AlertConnection'] = ResolversParentTypes['AlertConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AlertEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AlertEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AlertEdge'] = ResolversParentTypes['AlertEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Alert'], ParentType, ContextType>;
};

export type AlertRuleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AlertRule'] = ResolversParentTypes['AlertRule']> = {
  baselineSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AlertKind'], ParentType, ContextType>;
  minCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  spikeFactor?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  threshold?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  windowSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  actorRoles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  calls?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  clientAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clientOperationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEntryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DeliveryAttemptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeliveryAttempt'] = ResolversParentTypes['DeliveryAttempt']> = {
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attemptedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeAlert?: Resolver<ResolversTypes['Alert'], ParentType, ContextType, RequireFields<MutationAcknowledgeAlertArgs, 'id'>>;
  addNotificationChannel?: Resolver<ResolversTypes['NotificationChannelCreated'], ParentType, ContextType, RequireFields<MutationAddNotificationChannelArgs, 'input'>>;
  addPartnerWebhook?: Resolver<ResolversTypes['PartnerWebhookCreated'], ParentType, ContextType, RequireFields<MutationAddPartnerWebhookArgs, 'input'>>;
  markInboxRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkInboxReadArgs, 'ids'>>;
  markNoticesRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, Partial<MutationMarkNoticesReadArgs>>;
  redeliverPartnerWebhook?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationRedeliverPartnerWebhookArgs, 'webhookId'>>;
  removeNotificationChannel?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveNotificationChannelArgs, 'id'>>;
  removePartnerWebhook?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemovePartnerWebhookArgs, 'id'>>;
  replayNotification?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationReplayNotificationArgs, 'id'>>;
  resolveAlert?: Resolver<ResolversTypes['Alert'], ParentType, ContextType, RequireFields<MutationResolveAlertArgs, 'id'>>;
  setAlertRule?: Resolver<ResolversTypes['AlertRule'], ParentType, ContextType, RequireFields<MutationSetAlertRuleArgs, 'input'>>;
  setNoticePreference?: Resolver<ResolversTypes['NoticePreference'], ParentType, ContextType, RequireFields<MutationSetNoticePreferenceArgs, 'email' | 'kind'>>;
};

export type NoticeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Notice'] = ResolversParentTypes['Notice']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  carryBorne?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fee?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  feePeriod?: Resolver<Maybe<ResolversTypes['NoticeFeePeriod']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NoticeKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  tiers?: Resolver<Maybe<ResolversTypes['NoticeTiers']>, ParentType, ContextType>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType>;
};

export type NoticeConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NoticeConnection'] = ResolversParentTypes['NoticeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NoticeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type NoticeEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NoticeEdge'] = ResolversParentTypes['NoticeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notice'], ParentType, ContextType>;
};

export type NoticeFeePeriodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NoticeFeePeriod'] = ResolversParentTypes['NoticeFeePeriod']> = {
  end?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type NoticePreferenceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NoticePreference'] = ResolversParentTypes['NoticePreference']> = {
  email?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  inApp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NoticeKind'], ParentType, ContextType>;
};

export type NoticeTiersResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NoticeTiers'] = ResolversParentTypes['NoticeTiers']> = {
  preferredReturn?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  profitShare?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  returnOfCapital?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type NotificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  alert?: Resolver<ResolversTypes['Alert'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['NotificationChannelKind'], ParentType, ContextType>;
  channelId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deliveryAttempts?: Resolver<Array<ResolversTypes['DeliveryAttempt']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NotificationStatus'], ParentType, ContextType>;
};

export type NotificationChannelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationChannel'] = ResolversParentTypes['NotificationChannel']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationChannelKind'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NotificationChannelCreatedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationChannelCreated'] = ResolversParentTypes['NotificationChannelCreated']> = {
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NotificationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type NotificationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PartnerDeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PartnerDelivery'] = ResolversParentTypes['PartnerDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deliveryAttempts?: Resolver<Array<ResolversTypes['DeliveryAttempt']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['PartnerEventType'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NotificationStatus'], ParentType, ContextType>;
  webhookId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PartnerDeliveryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PartnerDeliveryConnection'] = ResolversParentTypes['PartnerDeliveryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PartnerDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PartnerDeliveryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PartnerDeliveryEdge'] = ResolversParentTypes['PartnerDeliveryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PartnerDelivery'], ParentType, ContextType>;
};

export type PartnerWebhookResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PartnerWebhook'] = ResolversParentTypes['PartnerWebhook']> = {
  apiKeyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['PartnerEventType']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PartnerWebhookCreatedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PartnerWebhookCreated'] = ResolversParentTypes['PartnerWebhookCreated']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhook?: Resolver<ResolversTypes['PartnerWebhook'], ParentType, ContextType>;
};

export type PoolResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Pool'] = ResolversParentTypes['Pool'], FederationReferenceType extends FederationReferenceTypes['Pool'] = FederationReferenceTypes['Pool']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Pool']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openAlertCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  alertRules?: Resolver<Array<ResolversTypes['AlertRule']>, ParentType, ContextType, RequireFields<QueryAlertRulesArgs, 'poolId'>>;
  alerts?: Resolver<Array<ResolversTypes['Alert']>, ParentType, ContextType, RequireFields<QueryAlertsArgs, 'limit'>>;
  alertsAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryAlertsAuditLogArgs, 'first'>>;
  alertsAuditLogConnection?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryAlertsAuditLogConnectionArgs, 'first'>>;
  alertsConnection?: Resolver<ResolversTypes['AlertConnection'], ParentType, ContextType, RequireFields<QueryAlertsConnectionArgs, 'first'>>;
  inbox?: Resolver<Array<ResolversTypes['Notification']>, ParentType, ContextType, RequireFields<QueryInboxArgs, 'first' | 'unreadOnly'>>;
  inboxConnection?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryInboxConnectionArgs, 'first' | 'unreadOnly'>>;
  noticeEmailAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  noticePreferences?: Resolver<Array<ResolversTypes['NoticePreference']>, ParentType, ContextType>;
  notices?: Resolver<Array<ResolversTypes['Notice']>, ParentType, ContextType, RequireFields<QueryNoticesArgs, 'first' | 'unreadOnly'>>;
  noticesConnection?: Resolver<ResolversTypes['NoticeConnection'], ParentType, ContextType, RequireFields<QueryNoticesConnectionArgs, 'first' | 'unreadOnly'>>;
  notificationChannels?: Resolver<Array<ResolversTypes['NotificationChannel']>, ParentType, ContextType>;
  notificationDeliveries?: Resolver<Array<ResolversTypes['Notification']>, ParentType, ContextType, RequireFields<QueryNotificationDeliveriesArgs, 'first'>>;
  notificationDeliveriesConnection?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationDeliveriesConnectionArgs, 'first'>>;
  partnerDeliveries?: Resolver<Array<ResolversTypes['PartnerDelivery']>, ParentType, ContextType, RequireFields<QueryPartnerDeliveriesArgs, 'first' | 'webhookId'>>;
  partnerDeliveriesConnection?: Resolver<ResolversTypes['PartnerDeliveryConnection'], ParentType, ContextType, RequireFields<QueryPartnerDeliveriesConnectionArgs, 'first' | 'webhookId'>>;
  partnerWebhooks?: Resolver<Array<ResolversTypes['PartnerWebhook']>, ParentType, ContextType, RequireFields<QueryPartnerWebhooksArgs, 'apiKeyId'>>;
  unreadNoticeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  alertRaised?: SubscriptionResolver<ResolversTypes['Alert'], "alertRaised", ParentType, ContextType, Partial<SubscriptionAlertRaisedArgs>>;
  noticeReceived?: SubscriptionResolver<ResolversTypes['Notice'], "noticeReceived", ParentType, ContextType>;
  unreadNoticeCount?: SubscriptionResolver<ResolversTypes['Int'], "unreadNoticeCount", ParentType, ContextType>;
};

export type TransactionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Alert?: AlertResolvers<ContextType>;
  AlertConnection?: AlertConnectionResolvers<ContextType>;
  AlertEdge?: AlertEdgeResolvers<ContextType>;
  AlertRule?: AlertRuleResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DeliveryAttempt?: DeliveryAttemptResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notice?: NoticeResolvers<ContextType>;
  NoticeConnection?: NoticeConnectionResolvers<ContextType>;
  NoticeEdge?: NoticeEdgeResolvers<ContextType>;
  NoticeFeePeriod?: NoticeFeePeriodResolvers<ContextType>;
  NoticePreference?: NoticePreferenceResolvers<ContextType>;
  NoticeTiers?: NoticeTiersResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationChannel?: NotificationChannelResolvers<ContextType>;
  NotificationChannelCreated?: NotificationChannelCreatedResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartnerDelivery?: PartnerDeliveryResolvers<ContextType>;
  PartnerDeliveryConnection?: PartnerDeliveryConnectionResolvers<ContextType>;
  PartnerDeliveryEdge?: PartnerDeliveryEdgeResolvers<ContextType>;
  PartnerWebhook?: PartnerWebhookResolvers<ContextType>;
  PartnerWebhookCreated?: PartnerWebhookCreatedResolvers<ContextType>;
  Pool?: PoolResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
};

