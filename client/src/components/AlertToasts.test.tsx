// @vitest-environment jsdom
import { MockedProvider } from '@apollo/client/testing/react';
import { notifications } from '@mantine/notifications';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithMantine } from '../test/render.tsx';
import { AlertRaisedSubscription, AlertToasts } from './AlertToasts.tsx';

afterEach(() => {
  cleanup();
  notifications.clean();
});

const alert = (id: string, kind: 'LARGE_TRANSACTION' | 'TRANSACTION_SPIKE', message: string) => ({
  request: { query: AlertRaisedSubscription },
  result: {
    data: {
      alertRaised: {
        __typename: 'Alert',
        id,
        kind,
        message,
        status: 'OPEN',
        raisedAt: '2026-12-01T10:00:00.000Z',
        pool: { __typename: 'Pool', id: 'p1', name: 'Harbor Fund', openAlertCount: 1 },
      },
    },
  },
});

describe('alert toasts', () => {
  it('shows a toast, announced as an alert, for each alert raised on the manager’s pools', async () => {
    renderWithMantine(<AlertToasts />, (tree) => (
      <MockedProvider
        mocks={[
          alert('a1', 'LARGE_TRANSACTION', 'A contribution of $15,000.00 is above $10,000.00.'),
        ]}
      >
        {tree}
      </MockedProvider>
    ));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toContain('Large transaction in Harbor Fund');
    expect(toast.textContent).toContain('A contribution of $15,000.00 is above $10,000.00.');
    expect(screen.getByRole('button', { name: 'Dismiss notification' })).toBeTruthy();
  });

  it('shows nothing while no alert is raised', async () => {
    renderWithMantine(<AlertToasts />, (tree) => (
      <MockedProvider mocks={[]}>{tree}</MockedProvider>
    ));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
