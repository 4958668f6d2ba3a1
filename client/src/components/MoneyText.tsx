import { Text, type TextProps } from '@mantine/core';
import { formatMoney } from '../lib/money.ts';

/**
 * An amount as people read it, exact; tabular digits so columns line up, never wrapped (a
 * clipped or broken amount is misread). `outflow` marks money leaving with a minus sign.
 */
export function MoneyText({
  money,
  outflow,
  ...props
}: {
  money: { amount: string; currency: string } | null | undefined;
  outflow?: boolean;
} & TextProps) {
  return (
    <Text
      component="span"
      ff="monospace"
      inherit={!props.size}
      style={{ whiteSpace: 'nowrap' }}
      {...props}
    >
      {money ? formatMoney(money, { outflow }) : '—'}
    </Text>
  );
}
