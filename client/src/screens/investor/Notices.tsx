import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import type { MyNoticesQuery as MyNoticesData } from '../../__generated__/graphql.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { nodesOf, nextPage } from '../../lib/connections.ts';
import { formatDay, formatMoment } from '../../lib/dates.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { formErrors } from '../../lib/errors.ts';
import { NoticeDetails } from './NoticeDetails.tsx';
import { NoticePreferences } from './NoticePreferences.tsx';

export const MyNoticesQuery = graphql(`
  query MyNotices($first: Int, $after: String, $unreadOnly: Boolean) {
    noticesConnection(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges {
        node {
          id
          kind
          amount {
            amount
            currency
          }
          pool {
            id
            name
          }
          dueDate
          tiers {
            returnOfCapital {
              amount
              currency
            }
            preferredReturn {
              amount
              currency
            }
            profitShare {
              amount
              currency
            }
          }
          feePeriod {
            start
            end
          }
          carryBorne {
            amount
            currency
          }
          createdAt
          readAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    unreadNoticeCount
  }
`);

export const MarkNoticesReadMutation = graphql(`
  mutation MarkNoticesRead($ids: [ID!]) {
    markNoticesRead(ids: $ids)
  }
`);

type Notice = MyNoticesData['noticesConnection']['edges'][number]['node'];

const PAGE = 20;
const LABEL: Record<Notice['kind'], string> = {
  CAPITAL_CALL: 'Capital call',
  DISTRIBUTION: 'Distribution',
  DISTRIBUTION_VOIDED: 'Distribution cancelled',
  FEE: 'Fee',
  CONTRIBUTION_POSTED: 'Contribution received',
  CONTRIBUTION_VOIDED: 'Contribution failed',
  WITHDRAWAL_POSTED: 'Withdrawal paid',
  WITHDRAWAL_VOIDED: 'Withdrawal cancelled',
  CARRY: 'Carry borne',
  PAYMENT_HELD: 'Payment held for you',
  PAYMENT_REFUNDED: 'Payment refunded',
};
/**
 * A notice tells the investor what was paid to them or charged to them: charges (a fee, the
 * carry they bear) read with a minus sign; a distribution or a withdrawal is money paid to them,
 * so it reads as a plain amount, though it lowers their capital account (which the statement and
 * the history show with a minus, as capital leaving).
 */
const CHARGED = new Set<Notice['kind']>(['FEE', 'CARRY']);

function NoticeCard({ notice, onRead }: { notice: Notice; onRead: (id: string) => void }) {
  const unread = notice.readAt === null;
  return (
    <Card withBorder padding="md" data-testid={`notice-${notice.id}`} data-kind={notice.kind}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={700}>{LABEL[notice.kind]}</Text>
          {unread && (
            <Badge size="sm" variant="dot">
              New
            </Badge>
          )}
        </Group>
        <MoneyText money={notice.amount} outflow={CHARGED.has(notice.kind)} fw={700} />
      </Group>
      {/* The pool and the app's own money and date formats; the server's message (plain text,
          for any channel) writes amounts its own way, so it is not shown beside them. */}
      <Text size="sm" mt={4}>
        {notice.pool.name}
      </Text>
      <NoticeDetails notice={notice} />
      <Group justify="space-between" mt="xs" wrap="wrap" gap="xs">
        <Text size="xs" c="dimmed">
          {formatMoment(notice.createdAt)}
          {notice.dueDate && ` · due ${formatDay(notice.dueDate)}`}
        </Text>
        {unread && (
          <Button size="compact-sm" variant="default" onClick={() => onRead(notice.id)}>
            Mark read
          </Button>
        )}
      </Group>
    </Card>
  );
}

/**
 * The investor's inbox: capital calls, distributions (with their waterfall tiers), fees (the
 * management fee's period), carry borne and payment outcomes, with their amounts; and which
 * kinds they also get by email.
 */
export function Notices() {
  useDocumentTitle('Notices');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(MyNoticesQuery, {
    variables: { first: PAGE, unreadOnly },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [markRead, marking] = useMutation(MarkNoticesReadMutation, {
    refetchQueries: ['MyNotices', 'UnreadNoticeCount'],
  });
  const page = data?.noticesConnection;
  const notices = nodesOf(page);
  const unread = data?.unreadNoticeCount ?? 0;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2}>Notices</Title>
        <Button
          variant="default"
          disabled={unread === 0}
          loading={marking.loading}
          onClick={() => void markRead({ variables: {} }).catch(() => undefined)}
        >
          Mark all read
        </Button>
      </Group>
      <Switch
        label="Unread only"
        checked={unreadOnly}
        onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
      />
      {marking.error && <FormAlert errors={formErrors(marking.error)} />}
      {loading && !data ? (
        <Loading label="Loading your notices…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : notices.length === 0 ? (
        <Empty title={unreadOnly ? 'Nothing unread' : 'No notices yet'}>
          Capital calls, distributions and your payments' outcomes show up here.
        </Empty>
      ) : (
        <>
          {notices.map((notice) => (
            <NoticeCard
              key={notice.id}
              notice={notice}
              onRead={(id) => void markRead({ variables: { ids: [id] } }).catch(() => undefined)}
            />
          ))}
          {page?.pageInfo.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void nextPage(page, fetchMore)?.catch(() => undefined)}
              loading={loading}
            >
              Show older notices
            </Button>
          )}
        </>
      )}
      <NoticePreferences labels={LABEL} />
    </Stack>
  );
}
