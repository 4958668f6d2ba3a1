import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { preSerialized, spliceFrame } from './frames.ts';

/** What graphql-ws does with a `next` payload: copy it, stringify the message, send. */
const graphqlWsFrame = (id: string, payload: object) =>
  spliceFrame(JSON.stringify({ id, type: 'next', payload: { ...payload } }));

describe('pre-serialized frames', () => {
  it('sends every subscriber the same serialized result under its own id', () => {
    const result = { data: { tick: { id: 't1', label: 'a "quoted" label' } } };
    const frame = preSerialized(result);
    const first = JSON.parse(graphqlWsFrame('sub-1', frame));
    const second = JSON.parse(graphqlWsFrame('0e9f-2', frame));
    expect(first).toEqual({ id: 'sub-1', type: 'next', payload: result });
    expect(second).toEqual({ id: '0e9f-2', type: 'next', payload: result });
  });

  it('keeps errors as graphql-ws would serialize them', () => {
    const error = new GraphQLError('Not yours.', { extensions: { code: 'FORBIDDEN' } });
    const frame = preSerialized({ data: null, errors: [error] });
    expect(JSON.parse(graphqlWsFrame('x', frame)).payload).toEqual({
      data: null,
      errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }],
    });
  });

  it('leaves every other message untouched, even one that imitates the placeholder', () => {
    const plain = JSON.stringify({ id: '1', type: 'next', payload: { data: { n: 1 } } });
    expect(spliceFrame(plain)).toBe(plain);
    const imitation = JSON.stringify({
      id: '1',
      type: 'next',
      payload: '\u0000poolgraph-pre-serialized\u0000',
    });
    expect(spliceFrame(imitation)).toBe(imitation);
    const buffer = Buffer.from('ping');
    expect(spliceFrame(buffer)).toBe(buffer);
  });
});
