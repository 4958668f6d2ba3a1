import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

describe('createLogger', () => {
  it('writes JSON lines with secrets redacted wherever they sit', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('test', 'info', sink);
    log.info(
      {
        password: 'hunter2hunter2',
        headers: { authorization: 'Bearer abc.def.ghi', 'x-api-key': 'pk_live_123' },
        input: { refreshToken: 'rt-secret', email: 'ann@example.com' },
        connectionParams: { authorization: 'Bearer ws-token' },
      },
      'signed in',
    );
    const line = lines.join('');
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', service: 'test', msg: 'signed in' });
    for (const secret of [
      'hunter2hunter2',
      'abc.def.ghi',
      'pk_live_123',
      'rt-secret',
      'ws-token',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('ann@example.com');
  });
});
