import { useQuery, useSubscription } from '@apollo/client/react';
import { Badge } from '@mantine/core';
import { graphql } from '../__generated__/gql.ts';

export const UnreadNoticeCountQuery = graphql(`
  query UnreadNoticeCount {
    unreadNoticeCount
  }
`);

export const NoticeReceivedSubscription = graphql(`
  subscription NoticeReceived {
    noticeReceived {
      id
    }
  }
`);

/**
 * For investors: how many notices are unread, beside "Notices" in the navigation. A new notice
 * (live) refreshes the count and the inbox; its own chunk, so nobody else downloads it.
 */
export function NoticeBadge() {
  const { data, refetch } = useQuery(UnreadNoticeCountQuery, { fetchPolicy: 'cache-and-network' });
  useSubscription(NoticeReceivedSubscription, {
    onData: ({ client }) => {
      void refetch();
      void client.refetchQueries({ include: ['MyNotices'] });
    },
  });
  const count = data?.unreadNoticeCount ?? 0;
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
