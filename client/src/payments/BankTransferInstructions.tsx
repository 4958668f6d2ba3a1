import { Button, CopyButton, Group, Stack, Table, Text } from '@mantine/core';
import type { StartContributionMutation } from '../__generated__/graphql.ts';
import { formatMoment } from '../lib/dates.ts';
import { formatMoney } from '../lib/money.ts';

type Instructions = NonNullable<StartContributionMutation['startContribution']['bankTransfer']>;

/**
 * Where to send a bank transfer, each value with a copy button (an IBAN typed by hand is the
 * usual way a transfer goes astray). The reference is what matches the money to the
 * contribution; the amount is copied as digits only, the way banking apps want it.
 */
export function BankTransferInstructions({
  instructions,
  expiresAt,
}: {
  instructions: Instructions;
  expiresAt?: string | null;
}) {
  const rows: Array<[label: string, shown: string, copied: string]> = [
    ['Beneficiary', instructions.beneficiary, instructions.beneficiary],
    ['IBAN', instructions.iban, instructions.iban.replace(/\s/g, '')],
    ['BIC', instructions.bic, instructions.bic],
    ['Amount', formatMoney(instructions.amount), instructions.amount.amount],
    ['Reference', instructions.reference, instructions.reference],
  ];
  return (
    <Stack gap="xs">
      <Text size="sm">
        Send exactly this amount and quote the reference: the contribution shows as pending until
        the manager sees the money arrive
        {expiresAt ? `, and is cancelled if nothing arrives by ${formatMoment(expiresAt)}` : ''}.
      </Text>
      <Table aria-label="Bank transfer instructions" data-testid="bank-instructions">
        <Table.Tbody>
          {rows.map(([label, shown, copied]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={110}>
                {label}
              </Table.Th>
              <Table.Td>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                    {shown}
                  </Text>
                  <CopyButton value={copied}>
                    {({ copied: done, copy }) => (
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={copy}
                        aria-label={`Copy ${label.toLowerCase()}`}
                      >
                        {done ? 'Copied' : 'Copy'}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
