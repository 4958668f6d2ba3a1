// @vitest-environment jsdom
import { ApolloProvider } from '@apollo/client/react';
import { cleanup, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemberRowFieldsFragment } from '../__generated__/graphql.ts';
import { answeringClient } from '../test/apollo.ts';
import { renderWithMantine } from '../test/render.tsx';
import { MembersTable } from './MembersTable.tsx';

afterEach(cleanup);

const money = (amount: string) => ({ amount, currency: 'USD' });
const member = (id: string, name: string, proceeds: string): MemberRowFieldsFragment => ({
  id: `m-${id}`,
  investor: { id, name },
  commitment: money('10000.00'),
  outstanding: money('0.00'),
  position: {
    contributed: money('3000.00'),
    distributed: money('0.00'),
    proceeds: money(proceeds),
    fees: money('0.00'),
    capital: money('3000.00'),
    pending: money('0.00'),
    withdrawn: money('0.00'),
  },
});

describe('the members table', () => {
  it('shows each member’s share of the proceeds', () => {
    renderWithMantine(
      <MembersTable
        members={[member('a', 'Al', '666.67'), member('b', 'Bo', '333.33')]}
        poolId="p1"
        onConfirm={() => undefined}
      />,
      (tree) => (
        <MemoryRouter>
          <ApolloProvider client={answeringClient(() => null)}>{tree}</ApolloProvider>
        </MemoryRouter>
      ),
    );
    const table = screen.getByRole('table', { name: 'Members and their positions' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const column = headers.indexOf('Proceeds');
    expect(column).toBeGreaterThan(0);
    const cells = (id: string) =>
      within(screen.getByTestId(`member-${id}`))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('a')[column]).toBe('$666.67');
    expect(cells('b')[column]).toBe('$333.33');
    // Each member's capital account statement is one link away.
    expect(screen.getByRole('link', { name: 'Statement of Al' }).getAttribute('href')).toBe(
      '/manager/statements/a',
    );
  });
});
