import { Button } from '@mantine/core';
import type { ConfirmRequest } from './ConfirmDialog.tsx';

/** A key's Revoke button: asks for confirmation (the screen's one ConfirmDialog) first. */
export function RevokeKeyButton({
  name,
  consequence,
  confirm,
  revoke,
}: {
  name: string;
  /** What the partner loses, said before "A revoked key cannot be restored…". */
  consequence: string;
  confirm: (request: ConfirmRequest) => void;
  revoke: () => Promise<unknown>;
}) {
  return (
    <Button
      size="xs"
      color="red"
      variant="outline"
      aria-label={`Revoke ${name}`}
      onClick={() =>
        confirm({
          title: `Revoke ${name}?`,
          body: `${consequence} A revoked key cannot be restored: the partner would need a new one.`,
          confirmLabel: 'Revoke key',
          danger: true,
          action: revoke,
        })
      }
    >
      Revoke
    </Button>
  );
}
