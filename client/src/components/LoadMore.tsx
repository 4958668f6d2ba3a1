import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { nextPage, type PageOf } from '../lib/connections.ts';

/** "Load more": the next page of a connection, shown while the API has one. */
export function LoadMore<T>({
  connection,
  fetchMore,
  what,
}: {
  connection: PageOf<T> | null | undefined;
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>;
  what: string;
}) {
  const [loading, setLoading] = useState(false);
  if (!connection?.pageInfo.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button
        variant="default"
        loading={loading}
        onClick={() => {
          setLoading(true);
          void Promise.resolve(nextPage(connection, fetchMore))
            .catch(() => undefined)
            .finally(() => setLoading(false));
        }}
      >
        Load more {what}
      </Button>
    </Group>
  );
}
