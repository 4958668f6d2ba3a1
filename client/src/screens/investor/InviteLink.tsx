import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { graphql } from '../../__generated__/gql.ts';
import type { InvitationStatus } from '../../__generated__/graphql.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { toast } from '../../lib/toast.ts';
import { CommitmentForm } from './CommitmentForm.tsx';

export const InviteLinkQuery = graphql(`
  query InviteLink($token: String!) {
    inviteLink(token: $token) {
      status
      expiresAt
      poolName
      pool {
        id
        name
        description
        currency
        status
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
`);
const AcceptInviteLinkMutation = graphql(`
  mutation AcceptInviteLink($token: String!, $commitment: Decimal!) {
    acceptInviteLink(token: $token, commitment: $commitment) {
      id
    }
  }
`);

const WHY_NOT: Partial<Record<InvitationStatus, string>> = {
  EXPIRED: 'This invite link has expired. Ask the manager for a new one.',
  REVOKED: 'The manager revoked this invite link.',
  USED_UP: 'This invite link has been used as many times as the manager allowed.',
};

/** `/invite/:token`: a shared invite link (signed-out visitors log in first and come back). */
export function InviteLink() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(InviteLinkQuery, { variables: { token } });
  const [accept, accepted] = useMutation(AcceptInviteLinkMutation, {
    refetchQueries: ['OpenPools', 'JoinedPools', 'MyPositions'],
  });
  const link = data?.inviteLink;
  useDocumentTitle(link ? `Invitation to ${link.poolName}` : 'Invitation');

  if (loading && !data) return <Loading label="Opening the invitation…" />;
  if (error && !data) {
    const unknown =
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'NOT_FOUND');
    return unknown ? (
      <Alert color="red" role="alert" title="Invite link not found">
        This link is not valid: check that it was copied whole.
      </Alert>
    ) : (
      <ErrorState error={error} retry={() => void refetch()} />
    );
  }
  if (!link) return null;
  const pool = link.pool;
  const why = WHY_NOT[link.status];
  return (
    <Stack maw={560}>
      <Title order={2}>Invitation to {link.poolName}</Title>
      {why || !pool ? (
        <Alert color="yellow" role="alert" title="This link can no longer be used">
          {why ?? 'The pool is no longer open to new members.'}
        </Alert>
      ) : (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Managed by {pool.manager.name} · link valid until {formatMoment(link.expiresAt)}
            </Text>
            {pool.description && <Text size="sm">{pool.description}</Text>}
            <Text size="sm">
              Target <MoneyText money={pool.targetAmount} fw={600} /> · Minimum{' '}
              <MoneyText money={pool.minContribution} fw={600} />
            </Text>
            {pool.status === 'OPEN' ? (
              <CommitmentForm
                pool={pool}
                loading={accepted.loading}
                error={accepted.error}
                commit={async (commitment) => {
                  const result = await accept({ variables: { token, commitment } });
                  if (result.data) {
                    toast({ color: 'green', message: `You joined ${pool.name}.` });
                    void navigate('/investor/positions');
                  }
                }}
              />
            ) : (
              <Text size="sm">The pool is not open yet: come back to this link once it opens.</Text>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
