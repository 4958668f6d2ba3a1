import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { EventFrames } from './frames.ts';

const parse = (frame: Buffer) => JSON.parse(frame.toString('utf8')) as Record<string, unknown>;

describe('event frames', () => {
  it('sends every subscriber the same serialized result under its own id', () => {
    const result = { data: { tick: { id: 't1', label: 'a "quoted" label, ünïcode' } } };
    const frames = new EventFrames(result);
    expect(parse(frames.frameFor('sub-1'))).toEqual({ id: 'sub-1', type: 'next', payload: result });
    expect(parse(frames.frameFor('0e9f-"2'))).toEqual({
      id: '0e9f-"2',
      type: 'next',
      payload: result,
    });
    expect(frames.frameFor('x')).toBe(frames.frameFor('x'));
  });

  it('serializes errors as graphql-ws would', () => {
    const error = new GraphQLError('Not yours.', { extensions: { code: 'FORBIDDEN' } });
    expect(parse(new EventFrames({ data: null, errors: [error] }).frameFor('x')).payload).toEqual({
      data: null,
      errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }],
    });
  });
});
