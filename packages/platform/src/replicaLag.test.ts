import { describe, expect, it } from 'vitest';
import { gtidCovers, parseGtidPosition } from './replicaLag.ts';

describe('GTID positions', () => {
  it('parses one sequence per domain and ignores what is not a GTID', () => {
    expect(parseGtidPosition('0-1-42,1-2-7')).toEqual(
      new Map([
        [0, 42n],
        [1, 7n],
      ]),
    );
    expect(parseGtidPosition('')).toEqual(new Map());
    expect(parseGtidPosition(' 0-1-18446744073709551615 ').get(0)).toBe(18446744073709551615n);
  });

  it('covers a position only when every domain of it is applied', () => {
    const primary = parseGtidPosition('0-1-42,1-2-7');
    expect(gtidCovers(parseGtidPosition('0-1-42,1-2-7'), primary)).toBe(true);
    expect(gtidCovers(parseGtidPosition('0-1-50,1-2-9'), primary)).toBe(true);
    expect(gtidCovers(parseGtidPosition('0-1-41,1-2-7'), primary)).toBe(false);
    expect(gtidCovers(parseGtidPosition('0-1-42'), primary)).toBe(false);
    expect(gtidCovers(parseGtidPosition(''), new Map())).toBe(true);
  });
});
