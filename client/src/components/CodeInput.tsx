import { TextInput } from '@mantine/core';

/**
 * A code from an authenticator app (6 digits) or a recovery code (XXXX-XXXX-XXXX-XXXX): one
 * field for both, so a person who lost their phone needs no other screen. The browser and the
 * phone's keyboard offer one-time codes (autocomplete), without forcing digits only.
 */
export function CodeInput({
  value,
  onChange,
  error,
  label = 'Code',
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  label?: string;
}) {
  return (
    <TextInput
      label={label}
      description="The 6 digits your authenticator app shows, or one of your recovery codes"
      autoComplete="one-time-code"
      autoCapitalize="characters"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-autofocus
      required
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 } }}
    />
  );
}

/** What the form checks before sending: 6 digits, or 16 recovery-code characters. */
export function codeProblem(code: string): string | undefined {
  const typed = code.replace(/[\s-]/g, '');
  if (/^\d{6}$/.test(typed) || /^[A-Za-z2-7]{16}$/.test(typed)) return undefined;
  return 'Enter the 6-digit code from your app, or a recovery code.';
}
