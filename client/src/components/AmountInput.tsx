import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { parseAmountInput } from '../lib/money.ts';

export interface AmountInputProps extends Omit<TextInputProps, 'onChange' | 'value' | 'error'> {
  currency: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's message for this field, shown until the user edits it. */
  serverError?: string;
  /** Show the rule the input breaks even before the user leaves the field (after a submit). */
  showErrors?: boolean;
  allowZero?: boolean;
}

/**
 * A money amount typed as text (never a float): checked with the ledger's rules for the
 * currency, the reason shown beside the field once the user leaves it or submits.
 */
export function AmountInput({
  currency,
  value,
  onChange,
  serverError,
  showErrors,
  allowZero,
  ...props
}: AmountInputProps) {
  const [touched, setTouched] = useState(false);
  const [editedSinceServer, setEdited] = useState(false);
  const parsed = parseAmountInput(value, currency, { allowZero });
  const clientError = (touched || showErrors) && !parsed.ok ? parsed.error : undefined;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...props}
      value={value}
      onChange={(event) => {
        setEdited(true);
        onChange(event.currentTarget.value);
      }}
      onBlur={() => setTouched(true)}
      onFocus={() => setEdited(false)}
      error={clientError ?? (editedSinceServer ? undefined : serverError)}
      rightSection={<span aria-hidden>{currency}</span>}
      rightSectionWidth={56}
    />
  );
}
