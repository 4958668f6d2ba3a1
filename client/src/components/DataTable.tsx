import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface Column<Row> {
  /** The header, and the label beside the value on a phone. */
  label: string;
  cell: (row: Row) => ReactNode;
  align?: 'left' | 'right';
  /** Shown as the card's title on a phone instead of a labelled line. */
  primary?: boolean;
}

/**
 * The one table: columns on a wide screen, a list of cards on a phone (below 48em), where a
 * seven-column table would be clipped or scrolled sideways. Every cell keeps its label.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowTestId,
}: {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowTestId?: (row: Row) => string;
}) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (phone) {
    return (
      <Stack gap="xs" role="list" aria-label={label}>
        {rows.map((row) => {
          const title = columns.find((c) => c.primary);
          return (
            <Card
              withBorder
              padding="sm"
              key={rowKey(row)}
              role="listitem"
              data-testid={rowTestId?.(row)}
            >
              {title && (
                <Text fw={600} mb={4}>
                  {title.cell(row)}
                </Text>
              )}
              {columns
                .filter((c) => !c.primary)
                .map((c) => (
                  <Group key={c.label} justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" c="dimmed">
                      {c.label}
                    </Text>
                    <Text size="sm" component="div" ta="right">
                      {c.cell(row)}
                    </Text>
                  </Group>
                ))}
            </Card>
          );
        })}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.label} ta={c.align}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
              {columns.map((c) => (
                <Table.Td key={c.label} ta={c.align}>
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
