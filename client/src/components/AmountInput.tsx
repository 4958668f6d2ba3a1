import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { parseAmountInput } from '../lib/money.ts';

export interface AmountInputProps extends Omit<TextInputProps, 'onChange' | 'value' | 'error'> {
  currency: string;
  value: string;
  onChange: (value: string) => void;
  /**
   * A message about this field from elsewhere (the server's `extensions.field` error, or a rule
   * across fields such as minimum ≤ target), shown until the user changes the value.
   */
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
  // The value the current message was about: a changed value hides it until the next answer.
  const [messageFor, setMessageFor] = useState({ message: serverError, value });
  if (messageFor.message !== serverError) setMessageFor({ message: serverError, value });
  const outsideError = messageFor.value === value ? serverError : undefined;
  const parsed = parseAmountInput(value, currency, { allowZero });
  const clientError = (touched || showErrors) && !parsed.ok ? parsed.error : undefined;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...props}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={() => setTouched(true)}
      error={clientError ?? outsideError}
      rightSection={<span aria-hidden>{currency}</span>}
      rightSectionWidth={56}
    />
  );
}
