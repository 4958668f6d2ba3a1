import { currentTraceparent } from '@poolgraph/platform';

/**
 * The key under which an outbox row's payload carries the trace context of the request that
 * wrote it (no column, so no migration). The relay moves it into the event envelope's `trace`,
 * so consumers never see it in `payload`.
 */
export const TRACE_KEY = '$trace';

/** The payload to store, with the active trace's `traceparent` when tracing is on. */
export function withTraceContext<T>(payload: T): T {
  const traceparent = currentTraceparent();
  if (!traceparent || typeof payload !== 'object' || payload === null) return payload;
  return { ...payload, [TRACE_KEY]: traceparent };
}

/** `{ payload without the trace, traceparent }` from a stored payload's JSON text. */
export function splitTraceContext(payloadJson: string): {
  payloadJson: string;
  traceparent?: string;
} {
  if (!payloadJson.includes(`"${TRACE_KEY}"`)) return { payloadJson };
  const { [TRACE_KEY]: traceparent, ...payload } = JSON.parse(payloadJson) as Record<
    string,
    unknown
  >;
  return {
    payloadJson: JSON.stringify(payload),
    traceparent: typeof traceparent === 'string' ? traceparent : undefined,
  };
}

/** The `traceparent` of an event's JSON text (a stream entry), if any. */
export function traceparentOf(eventJson: string): string | undefined {
  return /"trace":\{"traceparent":"([\w-]{55})"\}/.exec(eventJson)?.[1];
}
