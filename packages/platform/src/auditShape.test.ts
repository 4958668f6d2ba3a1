import { describe, expect, it } from 'vitest';
import { callShape } from './auditShape.ts';

describe('the shape of an audited call', () => {
  it('names arguments and nested fields but holds no value', () => {
    const shape = callShape('signUp', {
      input: {
        email: 'ada@example.com',
        password: 'hunter2 hunter2',
        name: 'Ada',
        role: 'MANAGER',
      },
    });
    expect(shape).toBe('signUp(input: {email, password, name, role})');
    expect(shape).not.toMatch(/ada@|hunter2|MANAGER/);
  });

  it('shows nulls, list lengths and the shape of list items, and a bare name without arguments', () => {
    expect(
      callShape('importUsers', {
        users: [
          { externalId: 'x-1', email: 'a@b.c' },
          { externalId: 'x-2', email: 'd@e.f' },
        ],
        tags: ['secret-tag'],
        note: null,
      }),
    ).toBe('importUsers(users: [2 × {externalId, email}], tags: [1], note: null)');
    expect(callShape('logOutEverywhere', {})).toBe('logOutEverywhere');
  });
});
