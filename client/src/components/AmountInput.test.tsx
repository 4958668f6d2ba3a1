// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithMantine } from '../test/render.tsx';
import { AmountInput } from './AmountInput.tsx';

function Harness({ currency, serverError }: { currency: string; serverError?: string }) {
  const [value, setValue] = useState('');
  return (
    <AmountInput
      label="Amount"
      currency={currency}
      value={value}
      onChange={setValue}
      serverError={serverError}
    />
  );
}

afterEach(cleanup);

describe('AmountInput', () => {
  it('says nothing while typing, then names the rule broken once the user leaves the field', async () => {
    renderWithMantine(<Harness currency="USD" />);
    const input = screen.getByLabelText('Amount');
    await userEvent.type(input, '12.345');
    expect(screen.queryByText('USD allows at most 2 decimal places.')).toBeNull();
    fireEvent.blur(input);
    expect(screen.getByText('USD allows at most 2 decimal places.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('follows the currency: a yen amount has no decimals', async () => {
    renderWithMantine(<Harness currency="JPY" />);
    const input = screen.getByLabelText('Amount');
    await userEvent.type(input, '100.5');
    fireEvent.blur(input);
    expect(screen.getByText('JPY has no minor units: enter a whole number.')).toBeTruthy();
    await userEvent.clear(input);
    await userEvent.type(input, '1,000');
    expect(screen.queryByText(/JPY has no minor units/)).toBeNull();
  });

  it('shows the server message beside the field until the user edits it', async () => {
    renderWithMantine(<Harness currency="USD" serverError="Must be at most the pool's cash." />);
    expect(screen.getByText("Must be at most the pool's cash.")).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Amount'), '5');
    expect(screen.queryByText("Must be at most the pool's cash.")).toBeNull();
  });
});
