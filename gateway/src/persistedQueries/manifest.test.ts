import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const BODY = 'query Me { me { id } }';
const manifest = (operations: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations, ...extra });

describe('parseManifest', () => {
  it('reads Apollo’s format into trusted operations', () => {
    const ops = parseManifest(
      manifest([{ id: sha256(BODY), name: 'Me', type: 'query', body: BODY }]),
      'client.json',
    );
    expect(ops).toEqual([
      { id: sha256(BODY), name: 'Me', type: 'query', body: BODY, file: 'client.json' },
    ]);
  });

  it.each([
    [
      'an id that is not the body’s SHA-256',
      [{ id: sha256('x'), name: 'Me', type: 'query', body: BODY }],
      /SHA-256 of body/,
    ],
    [
      'a type that is not the body’s',
      [{ id: sha256(BODY), name: 'Me', type: 'mutation', body: BODY }],
      /not one mutation/,
    ],
    [
      'an upper-case id',
      [{ id: sha256(BODY).toUpperCase(), name: 'Me', type: 'query', body: BODY }],
      /operations.0.id/,
    ],
    [
      'a body that does not parse',
      [{ id: sha256('query {'), name: 'X', type: 'query', body: 'query {' }],
      /Syntax Error/,
    ],
  ])('refuses %s', (_case, operations, message) => {
    expect(() => parseManifest(manifest(operations), 'bad.json')).toThrow(message);
  });

  it('refuses another format, another version and text that is not JSON', () => {
    expect(() => parseManifest(manifest([], { format: 'relay' }), 'f.json')).toThrow(/format/);
    expect(() => parseManifest(manifest([], { version: 2 }), 'v.json')).toThrow(/version/);
    expect(() => parseManifest('{ "format": ', 'j.json')).toThrow(SyntaxError);
  });
});
