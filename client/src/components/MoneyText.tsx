import { Text, type TextProps } from '@mantine/core';
import { formatMoney } from '../lib/money.ts';

/** An amount as people read it, exact; tabular digits so columns line up. */
export function MoneyText({
  money,
  ...props
}: { money: { amount: string; currency: string } | null | undefined } & TextProps) {
  return (
    <Text component="span" ff="monospace" inherit={!props.size} {...props}>
      {money ? formatMoney(money) : '—'}
    </Text>
  );
}
