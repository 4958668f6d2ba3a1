import {
  context,
  INVALID_SPAN_CONTEXT,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export { SpanKind };

let provider: NodeTracerProvider | undefined;

/**
 * Starts exporting traces over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard
 * OpenTelemetry variables apply: OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, …), with W3C
 * trace context propagation. Unset, nothing is registered: the API's tracer is a no-op and
 * every helper here costs a function call. One provider per process; later calls do nothing.
 */
export function startTracing(
  service: string,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (provider || !env.OTEL_EXPORTER_OTLP_ENDPOINT) return !!provider;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? service }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({
          url:
            env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
            `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`,
        }),
        { scheduledDelayMillis: 500 },
      ),
    ],
  });
  provider.register();
  return true;
}

/** Sends the spans still buffered and stops exporting (tests; process shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  await stopping?.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

export const tracingEnabled = (): boolean => provider !== undefined;

const tracer = () => trace.getTracer('poolgraph');

/** Runs `work` in a new span (child of the active one unless `parent` is given); records failures. */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context; links?: Link[] },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  if (!provider) return work(trace.wrapSpanContext(INVALID_SPAN_CONTEXT));
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(
    name,
    { kind: options.kind, attributes: options.attributes, links: options.links },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/** The W3C `traceparent` (and `tracestate`) of the active span, added to outgoing headers. */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  if (provider) propagation.inject(context.active(), headers);
  return headers;
}

/** The context a caller sent in its `traceparent` header (or the active one without it). */
export function extractTraceContext(
  headers: Record<string, string | string[] | undefined>,
): Context {
  if (!provider) return context.active();
  return propagation.extract(context.active(), headers, {
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => {
      const value = carrier[key];
      return Array.isArray(value) ? value[0] : value;
    },
  });
}

/** The active span's `traceparent`, for a message that crosses a queue (an outbox event). */
export function currentTraceparent(): string | undefined {
  if (!provider) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context of a `traceparent` read back from a message. */
export const contextOfTraceparent = (traceparent: string | undefined): Context =>
  extractTraceContext(traceparent ? { traceparent } : {});

/** Names the active span (the HTTP server span: after parsing, the operation is known). */
export function nameActiveSpan(name: string, attributes: Attributes = {}): void {
  if (!provider) return;
  const span = trace.getActiveSpan();
  span?.updateName(name);
  span?.setAttributes(attributes);
}

/** An attribute or event on the active span (an alert raised, a transaction posted). */
export function annotateActiveSpan(event: string, attributes: Attributes): void {
  if (provider) trace.getActiveSpan()?.addEvent(event, attributes);
}

/**
 * A client span for work that reports its end by callback rather than by a promise it returns
 * (ioredis answers through the command's own promise). Ends with `end(error?)`.
 */
export function startClientSpan(
  name: string,
  attributes: Attributes,
): { end(error?: Error): void } {
  if (!provider) return { end() {} };
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes }, context.active());
  return {
    end(error) {
      if (error) {
        span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      }
      span.end();
    },
  };
}
