import { useMantineTheme } from '@mantine/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '../lib/money.ts';

interface Point {
  period: string;
  contributed: { amount: string; currency: string };
  distributed: { amount: string; currency: string };
}

/**
 * Contributed and distributed per period. The bars' heights are the one place amounts become
 * numbers (pixels need them); labels and the tooltip show the exact Decimal strings.
 */
export function PerformanceChart({
  points,
  currency,
}: {
  points: readonly Point[];
  currency: string;
}) {
  const theme = useMantineTheme();
  const rows = points.map((p) => ({
    period: p.period,
    contributed: Number(p.contributed.amount),
    distributed: Number(p.distributed.amount),
    exact: p,
  }));
  return (
    <div role="img" aria-label={`Contributed and distributed per period, in ${currency}`}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ left: 16, right: 8, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" />
          <YAxis
            width={90}
            tickFormatter={(v: number) =>
              new Intl.NumberFormat(undefined, { notation: 'compact' }).format(v)
            }
          />
          <Tooltip
            formatter={(_value, name, item) => {
              const exact = (item.payload as (typeof rows)[number]).exact;
              const key = name === 'Contributed' ? 'contributed' : 'distributed';
              return formatMoney(exact[key]);
            }}
          />
          <Legend />
          <Bar dataKey="contributed" name="Contributed" fill={theme.colors.teal[7]} />
          <Bar dataKey="distributed" name="Distributed" fill={theme.colors.indigo[7]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
