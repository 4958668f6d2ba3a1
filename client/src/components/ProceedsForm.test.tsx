// @vitest-environment jsdom
import { ApolloProvider } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DistributionMemberFieldsFragment } from '../__generated__/graphql.ts';
import { answeringClient, type Answer } from '../test/apollo.ts';
import { renderWithMantine } from '../test/render.tsx';
import { occurredAtFor, ProceedsForm } from './ProceedsForm.tsx';

afterEach(() => {
  cleanup();
  notifications.clean();
});

const money = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'USD' });
const member = (id: string, name: string, contributed: string) =>
  ({
    __typename: 'Membership',
    id: `m-${id}`,
    investor: { __typename: 'User', id, name },
    position: { __typename: 'Position', contributed: money(contributed), withdrawn: money('0.00') },
  }) as DistributionMemberFieldsFragment;
const MEMBERS = [member('b', 'Bo', '2000.00'), member('a', 'Al', '1000.00')];

type Variables = Record<string, unknown>;
const posted = (variables: Variables) => ({
  data: {
    recordProceeds: {
      __typename: 'Transaction',
      id: 't1',
      type: 'PROCEEDS',
      carry: false,
      status: 'POSTED',
      note: variables.note,
      occurredAt: '2026-12-06T10:00:00.000Z',
      amount: money(String(variables.amount)),
      investor: null,
    },
  },
});

type Reply = (variables: Variables) => Answer;

/** Each request gets the next reply (an Error: no answer at all); every request's variables are kept. */
function clientAnswering(seen: Variables[], replies: Reply[]) {
  return answeringClient((operation) => {
    seen.push(operation.variables);
    return replies.shift()?.(operation.variables) ?? new Error('no reply left');
  });
}

function renderForm(seen: Variables[], replies: Reply[], onDone = vi.fn()) {
  const client = clientAnswering(seen, replies);
  renderWithMantine(
    <ProceedsForm
      poolId="p1"
      poolName="Harbor Fund"
      currency="USD"
      members={MEMBERS}
      onDone={onDone}
    />,
    (tree) => <ApolloProvider client={client}>{tree}</ApolloProvider>,
  );
  return onDone;
}

async function fillAndReview(amount = '1,000', note = 'Sale of Acme shares') {
  await userEvent.type(screen.getByLabelText(/Amount received/), amount);
  await userEvent.type(screen.getByLabelText(/What it is/), note);
  await userEvent.click(screen.getByRole('button', { name: 'Review' }));
}

describe('recording proceeds', () => {
  it('asks what the money is and refuses a day in the future, before anything is sent', async () => {
    const seen: Variables[] = [];
    renderForm(seen, []);
    await userEvent.type(screen.getByLabelText(/Amount received/), '500');
    fireEvent.change(screen.getByLabelText(/Received on/), { target: { value: '2999-01-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByText(/Say what the money is/)).toBeTruthy();
    expect(screen.getByText('The day cannot be in the future.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Proceeds to record' })).toBeNull();
    expect(seen).toEqual([]);
  });

  it('shows a summary with each member’s credit, then records it once with the exact amount', async () => {
    const seen: Variables[] = [];
    const onDone = renderForm(seen, [posted]);
    await fillAndReview();
    const summary = screen.getByRole('table', { name: 'Proceeds to record' });
    expect(within(summary).getByText('$1,000.00')).toBeTruthy();
    expect(within(summary).getByText('Sale of Acme shares')).toBeTruthy();
    expect(within(summary).getByText('Today')).toBeTruthy();
    // Pro rata to contributed capital: 2000 and 1000 of 3000.
    expect(screen.getByTestId('share-a').textContent).toBe('$333.33');
    expect(screen.getByTestId('share-b').textContent).toBe('$666.67');
    expect(seen).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Confirm proceeds' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      poolId: 'p1',
      amount: '1000.00',
      note: 'Sale of Acme shares',
      occurredAt: null,
    });
    expect(seen[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the API’s message and code, and a retry after a lost answer sends the same key', async () => {
    const seen: Variables[] = [];
    const onDone = renderForm(seen, [
      () => ({
        errors: [
          new GraphQLError('No member of Harbor Fund has capital to credit proceeds to.', {
            extensions: { code: 'CONFLICT' },
          }),
        ],
      }),
      () => new TypeError('Failed to fetch'),
      posted,
    ]);
    await fillAndReview();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm proceeds' }));
    const alert = await screen.findByTestId('form-error');
    expect(alert.textContent).toContain('No member of Harbor Fund has capital');
    expect(within(alert).getByTestId('form-error-code').textContent).toBe('CONFLICT');
    // Confirmed again: the network fails; "Try again" resends the very same request.
    await userEvent.click(screen.getByRole('button', { name: 'Confirm proceeds' }));
    await screen.findByText(/could not be reached/);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((v) => v.key)).size).toBe(1);
  });

  it('sends the manager back to the field the API refused, and a changed request gets a new key', async () => {
    const seen: Variables[] = [];
    const onDone = renderForm(seen, [
      () => ({
        errors: [
          new GraphQLError('amount: exceeds the platform maximum.', {
            extensions: { code: 'BAD_USER_INPUT', field: 'amount' },
          }),
        ],
      }),
      posted,
    ]);
    await fillAndReview();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm proceeds' }));
    await screen.findByText('Exceeds the platform maximum.');
    const amount = screen.getByLabelText(/Amount received/);
    await userEvent.clear(amount);
    await userEvent.type(amount, '900');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm proceeds' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(seen.map((v) => v.amount)).toEqual(['1000.00', '900.00']);
    expect(seen[0]!.key).not.toBe(seen[1]!.key);
  });

  it('sends no time for today and noon of an earlier day in the user’s time zone', () => {
    expect(occurredAtFor('', '2026-12-06')).toBeNull();
    expect(occurredAtFor('2026-12-06', '2026-12-06')).toBeNull();
    expect(occurredAtFor('2026-11-30', '2026-12-06')).toBe(
      new Date(2026, 10, 30, 12, 0, 0).toISOString(),
    );
  });
});
