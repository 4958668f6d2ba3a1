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

describe('error redaction', () => {
  it('keeps what failed and cuts the values out of driver messages, whatever key holds the error', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('test', 'info', sink);
    const driver = Object.assign(
      new Error("Duplicate entry 'ann@example.com' for key 'users_email'"),
      { code: 'ER_DUP_ENTRY', sql: "insert into users values ('ann@example.com')" },
    );
    const query = new Error(
      'Failed query: insert into `users` (`email`) values (?)\nparams: ann@example.com,$argon2id$v=19$m=19456$abc',
      { cause: driver },
    );
    log.error({ err: query }, `failed: ${query.message}`);
    log.warn(
      { error: 'Bearer abc.def.ghi rejected' },
      'key {"d":"c2VjcmV0LXByaXZhdGUta2V5LWJ5dGVz"}',
    );
    const output = lines.join('');
    for (const secret of ['ann@example.com', 'argon2id', 'abc.def.ghi', 'c2VjcmV0']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('ER_DUP_ENTRY');
    expect(output).toContain('users_email');
    expect(output).toContain('Failed query: insert into `users`');
  });
});
