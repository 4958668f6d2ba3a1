import type { ExecutionResult } from 'graphql';
import type { Viewer } from '@poolgraph/auth';
import type { Operation } from './operation.ts';

const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * Resolutions of one event for one user, shared by that user's sessions. Two sessions of a user
 * (two devices, two tabs with their own logins) hold different tokens, so they do not share an
 * upstream subscription, but they receive the same event and every subgraph authorizes them by
 * the same identity: the entity fetches would return the same. Keyed by user, roles, operation,
 * variables and the event itself; kept for two seconds, the span of one event's fan-out.
 */
export class EventResolutions {
  private readonly entries = new Map<string, { result: Promise<ExecutionResult>; at: number }>();

  resolve(
    viewer: Viewer,
    operation: Pick<Operation, 'source' | 'operationName' | 'variables'>,
    event: unknown,
    compute: () => Promise<ExecutionResult>,
  ): Promise<ExecutionResult> {
    const key = JSON.stringify([
      viewer.userId,
      [...viewer.roles].sort(),
      operation.operationName ?? null,
      operation.source,
      operation.variables,
      event,
    ]);
    const now = Date.now();
    const known = this.entries.get(key);
    if (known && now - known.at < TTL_MS) return known.result;
    const result = compute();
    this.entries.set(key, { result, at: now });
    // A failed resolution is not shared beyond the callers already waiting for it.
    result.catch(() => this.entries.delete(key));
    this.evict(now);
    return result;
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && now - entry.at < TTL_MS) break;
      this.entries.delete(key);
    }
  }
}
