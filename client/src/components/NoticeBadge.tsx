import { useQuery, useSubscription } from '@apollo/client/react';
import { Badge } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';

export const UnreadNoticeCountQuery = graphql(`
  query UnreadNoticeCount {
    unreadNoticeCount
  }
`);

export const UnreadNoticeCountLiveSubscription = graphql(`
  subscription UnreadNoticeCountLive {
    unreadNoticeCount
  }
`);

/**
 * For investors: how many notices are unread, beside "Notices" in the navigation; its own
 * chunk, so nobody else downloads it. The query answers first; the live count replaces it once
 * the subscription is up, and again after every notice written or read (in any tab), when the
 * inbox, if open, is fetched again too. The live count wins over any query answer: it is
 * counted after the subscription is up, so a notice written while the page loads is not lost
 * between a query's count and the first live event.
 */
export function NoticeBadge() {
  const { data } = useQuery(UnreadNoticeCountQuery, { fetchPolicy: 'cache-and-network' });
  const { data: live } = useSubscription(UnreadNoticeCountLiveSubscription, {
    onData: ({ client }) => void client.refetchQueries({ include: ['MyNotices'] }),
  });
  const count = live?.unreadNoticeCount ?? data?.unreadNoticeCount ?? 0;
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color="red"
      data-testid="unread-notices"
      aria-label={`${count} unread`}
    >
      {count > 99 ? '99+' : count}
    </Badge>
  );
}
