import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../../__generated__/gql.ts';
import type { MyInvitationsQuery as MyInvitationsData } from '../../__generated__/graphql.ts';
import { ConfirmDialog, type ConfirmRequest } from '../../components/ConfirmDialog.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { INVITATION_STATUS_COLOR, invitationStatusLabel } from '../../lib/invitationStatus.ts';
import { toast } from '../../lib/toast.ts';
import { CommitmentForm } from './CommitmentForm.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { nodesOf } from '../../lib/connections.ts';

export const MyInvitationsQuery = graphql(`
  query MyInvitations($after: String) {
    myInvitationsConnection(first: 50, after: $after) {
      edges {
        node {
          id
          status
          poolName
          expiresAt
          pool {
            id
            name
            description
            currency
            status
            memberCount
            manager {
              id
              name
            }
            targetAmount {
              amount
              currency
            }
            minContribution {
              amount
              currency
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($id: ID!, $commitment: Decimal!) {
    acceptInvitation(id: $id, commitment: $commitment) {
      id
    }
  }
`);
const DeclineInvitationMutation = graphql(`
  mutation DeclineInvitation($id: ID!) {
    declineInvitation(id: $id) {
      id
      status
    }
  }
`);

type Invitation = MyInvitationsData['myInvitationsConnection']['edges'][number]['node'];
type InvitedPool = NonNullable<Invitation['pool']>;

/**
 * The investor's invitations to private deals, newest first a page at a time (the first page
 * claims the ones sent to their email): accept with a commitment, or decline.
 */
export function Invitations() {
  useDocumentTitle('Invitations');
  const { data, loading, error, refetch, fetchMore } = useQuery(MyInvitationsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [accepting, setAccepting] = useState<{ id: string; pool: InvitedPool } | null>(null);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);
  const navigate = useNavigate();
  const [accept, accepted] = useMutation(AcceptInvitationMutation, {
    refetchQueries: ['MyInvitations', 'OpenPools', 'JoinedPools', 'MyPositions'],
  });
  const [decline] = useMutation(DeclineInvitationMutation, { refetchQueries: ['MyInvitations'] });
  const invitations = nodesOf(data?.myInvitationsConnection);

  return (
    <Stack>
      <Title order={2}>Invitations</Title>
      {loading && !data ? (
        <Loading label="Loading invitations…" />
      ) : error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : invitations.length === 0 ? (
        <Empty title="No invitations">
          Managers' invitations to private deals appear here, for the email you log in with.
        </Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {invitations.map((invitation) => {
            const pool = invitation.pool;
            const pending = invitation.status === 'PENDING';
            return (
              <Card withBorder key={invitation.id} padding="lg" data-testid="invitation">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Title order={3} size="h4">
                      {invitation.poolName}
                    </Title>
                    <Badge color={INVITATION_STATUS_COLOR[invitation.status]} variant="dot">
                      {invitationStatusLabel(invitation.status)}
                    </Badge>
                  </Group>
                  {pool && (
                    <Text size="sm" c="dimmed">
                      Managed by {pool.manager.name} · {pool.memberCount} members ·{' '}
                      {pool.status.toLowerCase()}
                    </Text>
                  )}
                  {pool?.description && <Text size="sm">{pool.description}</Text>}
                  {pool && (
                    <Group gap="lg">
                      <Text size="sm">
                        Target <MoneyText money={pool.targetAmount} fw={600} />
                      </Text>
                      <Text size="sm">
                        Minimum <MoneyText money={pool.minContribution} fw={600} />
                      </Text>
                    </Group>
                  )}
                  <Text size="xs" c="dimmed">
                    {pending ? 'Expires' : 'Expiry'} {formatMoment(invitation.expiresAt)}
                  </Text>
                  {pending && pool && (
                    <Group justify="flex-end" gap="xs">
                      <Button
                        variant="default"
                        aria-label={`Decline ${invitation.poolName}`}
                        onClick={() =>
                          setConfirming({
                            title: `Decline the invitation to ${invitation.poolName}?`,
                            body: 'You will no longer see this private deal, and the manager sees that you declined. Only a new invitation lets you join it later.',
                            confirmLabel: 'Decline',
                            action: () => decline({ variables: { id: invitation.id } }),
                          })
                        }
                      >
                        Decline
                      </Button>
                      <Button
                        aria-label={`Accept ${invitation.poolName}`}
                        disabled={pool.status !== 'OPEN'}
                        onClick={() => setAccepting({ id: invitation.id, pool })}
                      >
                        {pool.status === 'OPEN' ? 'Accept' : 'Opens soon'}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      <LoadMore
        connection={data?.myInvitationsConnection}
        fetchMore={fetchMore}
        what="invitations"
      />
      <Modal
        opened={accepting !== null}
        onClose={() => setAccepting(null)}
        title={accepting ? `Join ${accepting.pool.name}` : ''}
      >
        {accepting && (
          <CommitmentForm
            pool={accepting.pool}
            loading={accepted.loading}
            error={accepted.error}
            commit={async (commitment) => {
              const result = await accept({ variables: { id: accepting.id, commitment } });
              if (result.data) {
                toast({ color: 'green', message: `You joined ${accepting.pool.name}.` });
                setAccepting(null);
                void navigate('/investor/positions');
              }
            }}
          />
        )}
      </Modal>
      <ConfirmDialog request={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
