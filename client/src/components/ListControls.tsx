import { Group, Pagination, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

export interface ListOptions<Row> {
  /** The text a search matches against (case- and accent-insensitive). */
  searchText: (row: Row) => string;
  /** Named orders; the first is the default. */
  sorts: Record<string, { label: string; compare: (a: Row, b: Row) => number }>;
  /** Named filters besides "All". */
  filters?: Record<string, { label: string; keep: (row: Row) => boolean }>;
  pageSize?: number;
}

export interface ListView<Row> {
  page: Row[];
  /** Rows after search and filter, before paging. */
  matching: number;
  controls: ListControlsState;
}
interface ListControlsState {
  query: string;
  setQuery: (query: string) => void;
  sort: string;
  setSort: (sort: string) => void;
  filter: string;
  setFilter: (filter: string) => void;
  pageNumber: number;
  setPageNumber: (page: number) => void;
  pages: number;
  sortOptions: Array<{ value: string; label: string }>;
  filterOptions: Array<{ value: string; label: string }>;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * Search, filter, sort and pages over a list the API returned whole (the API pages only
 * transactions; the rest are small per user): one behaviour on every list of the app.
 */
export function useListView<Row>(rows: readonly Row[], options: ListOptions<Row>): ListView<Row> {
  const pageSize = options.pageSize ?? 10;
  const sortKeys = Object.keys(options.sorts);
  const [query, setQueryState] = useState('');
  const [sort, setSortState] = useState(sortKeys[0] ?? '');
  const [filter, setFilterState] = useState('all');
  const [pageNumber, setPageNumber] = useState(1);
  // A new search, order or filter starts again from the first page.
  const setQuery = (value: string) => (setQueryState(value), setPageNumber(1));
  const setSort = (value: string) => (setSortState(value), setPageNumber(1));
  const setFilter = (value: string) => (setFilterState(value), setPageNumber(1));

  const needle = fold(query.trim());
  const keep = options.filters?.[filter]?.keep;
  const compare = options.sorts[sort]?.compare;
  const matching = rows
    .filter((row) => (keep ? keep(row) : true))
    .filter((row) => !needle || fold(options.searchText(row)).includes(needle));
  if (compare) matching.sort(compare);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(pageNumber, pages);
  return {
    page: matching.slice((current - 1) * pageSize, current * pageSize),
    matching: matching.length,
    controls: {
      query,
      setQuery,
      sort,
      setSort,
      filter,
      setFilter,
      pageNumber: current,
      setPageNumber,
      pages,
      sortOptions: sortKeys.map((value) => ({ value, label: options.sorts[value]!.label })),
      filterOptions: [
        { value: 'all', label: 'All' },
        ...Object.entries(options.filters ?? {}).map(([value, f]) => ({ value, label: f.label })),
      ],
    },
  };
}

/** The search box, filter and order above a list; `what` names the rows ("pools"). */
export function ListControls({ what, view }: { what: string; view: ListView<unknown> }) {
  const c = view.controls;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label={`Search ${what}`}
        placeholder="Type to narrow the list"
        value={c.query}
        onChange={(e) => c.setQuery(e.currentTarget.value)}
        style={{ flex: '1 1 180px' }}
        type="search"
      />
      {c.filterOptions.length > 1 && (
        <Select
          label="Show"
          data={c.filterOptions}
          value={c.filter}
          onChange={(v) => v && c.setFilter(v)}
          allowDeselect={false}
          w={150}
        />
      )}
      {c.sortOptions.length > 1 && (
        <Select
          label="Sort by"
          data={c.sortOptions}
          value={c.sort}
          onChange={(v) => v && c.setSort(v)}
          allowDeselect={false}
          w={170}
        />
      )}
    </Group>
  );
}

/** Pages under a list, with how many rows matched; nothing when one page holds them all. */
export function ListPages({ what, view }: { what: string; view: ListView<unknown> }) {
  const c = view.controls;
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Text size="sm" c="dimmed" aria-live="polite">
        {view.matching} {view.matching === 1 ? what.replace(/s$/, '') : what}
      </Text>
      {c.pages > 1 && (
        <Pagination
          total={c.pages}
          value={c.pageNumber}
          onChange={c.setPageNumber}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        />
      )}
    </Group>
  );
}
