import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../__generated__/gql.ts';
import type { PoolInvitationsQuery as PoolInvitationsData } from '../../__generated__/graphql.ts';
import type { ConfirmRequest } from '../../components/ConfirmDialog.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { formErrors } from '../../lib/errors.ts';
import { INVITATION_STATUS_COLOR, invitationStatusLabel } from '../../lib/invitationStatus.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { nodesOf } from '../../lib/connections.ts';

export const PoolInvitationsQuery = graphql(`
  query PoolInvitations($id: ID!, $after: String) {
    pool(id: $id) {
      id
      name
      status
      visibility
      invitationsConnection(first: 50, after: $after) {
        edges {
          node {
            id
            kind
            email
            status
            expiresAt
            maxUses
            uses
            createdAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
const SetVisibilityMutation = graphql(`
  mutation SetPoolVisibility($id: ID!, $visibility: PoolVisibility!) {
    setPoolVisibility(id: $id, visibility: $visibility) {
      id
      visibility
    }
  }
`);
const InviteByEmailMutation = graphql(`
  mutation InviteByEmail($poolId: ID!, $email: String!) {
    inviteByEmail(poolId: $poolId, email: $email) {
      id
      email
    }
  }
`);
const CreateInviteLinkMutation = graphql(`
  mutation CreateInviteLink($poolId: ID!, $maxUses: Int, $expiresInDays: Int) {
    createInviteLink(poolId: $poolId, maxUses: $maxUses, expiresInDays: $expiresInDays) {
      token
      invitation {
        id
      }
    }
  }
`);
const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

type Invitation = NonNullable<
  PoolInvitationsData['pool']
>['invitationsConnection']['edges'][number]['node'];
const REFETCH = { refetchQueries: ['PoolInvitations'] };

function EmailInviteForm({ poolId }: { poolId: string }) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [invite, { loading, error }] = useMutation(InviteByEmailMutation, REFETCH);
  const errors = formErrors(error, ['email']);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const result = await invite({ variables: { poolId, email } }).catch(() => null);
    if (result?.data) {
      // The address as the server stores it (lower case, NFKC): the one the investor logs in with.
      setSent(result.data.inviteByEmail.email ?? email.trim());
      setEmail('');
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Invite by email">
      <Stack gap="xs">
        <FormAlert errors={errors} />
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Investor's email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.fields.email}
            required
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" loading={loading}>
            Invite
          </Button>
        </Group>
        {sent && (
          <Text size="sm" c="dimmed" role="status">
            Invited {sent}. They see it under Invitations once they log in with that email.
          </Text>
        )}
      </Stack>
    </form>
  );
}

function InviteLinkForm({ poolId }: { poolId: string }) {
  const [maxUses, setMaxUses] = useState<string | number>('');
  const [days, setDays] = useState<string | number>(7);
  const [link, setLink] = useState<string | null>(null);
  const [create, { loading, error }] = useMutation(CreateInviteLinkMutation, REFETCH);
  const errors = formErrors(error, ['maxUses', 'expiresInDays']);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({
      variables: {
        poolId,
        maxUses: maxUses === '' ? null : Number(maxUses),
        expiresInDays: days === '' ? 7 : Number(days),
      },
    }).catch(() => null);
    const token = result?.data?.createInviteLink.token;
    if (token) setLink(`${window.location.origin}/invite/${token}`);
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Create an invite link">
      <Stack gap="xs">
        <FormAlert errors={errors} />
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label="Uses (empty: unlimited)"
            min={1}
            max={10000}
            allowDecimal={false}
            value={maxUses}
            onChange={setMaxUses}
            error={errors.fields.maxUses}
            style={{ flex: '1 1 10rem' }}
          />
          <NumberInput
            label="Expires after (days)"
            min={1}
            max={90}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={errors.fields.expiresInDays}
            style={{ flex: '1 1 10rem' }}
          />
          <Button type="submit" variant="default" loading={loading}>
            Create link
          </Button>
        </Group>
        {link && (
          <Alert color="green" title="Invite link created">
            <Stack gap="xs">
              <Text size="sm">Shown once: copy it now and share it with investors.</Text>
              <Code
                block
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                data-testid="invite-link"
              >
                {link}
              </Code>
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy} w="fit-content">
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/**
 * The manager's side of a private deal: who may see the pool (listed or invite-only), invites
 * by email, shareable links (shown once), and every invitation with its status; revoking asks
 * first.
 */
export function InvitationsPanel({
  poolId,
  onConfirm,
}: {
  poolId: string;
  onConfirm: (request: ConfirmRequest) => void;
}) {
  const { data, loading, error, refetch, fetchMore } = useQuery(PoolInvitationsQuery, {
    variables: { id: poolId },
  });
  const [setVisibility, switching] = useMutation(SetVisibilityMutation);
  const [revoke] = useMutation(RevokeInvitationMutation, REFETCH);
  if (loading && !data) return <Loading label="Loading invitations…" />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  const pool = data?.pool;
  if (!pool) return null;
  const invitable = pool.status === 'DRAFT' || pool.status === 'OPEN';
  const invitations = nodesOf(pool.invitationsConnection);
  const visibilityError = formErrors(switching.error).form;
  const columns: Column<Invitation>[] = [
    {
      label: 'Invitation',
      primary: true,
      cell: (i) =>
        i.kind === 'EMAIL'
          ? i.email
          : `Link${i.maxUses ? ` (${i.maxUses} ${i.maxUses === 1 ? 'use' : 'uses'})` : ''}`,
    },
    {
      label: 'Status',
      cell: (i) => (
        <Badge color={INVITATION_STATUS_COLOR[i.status]} variant="dot">
          {invitationStatusLabel(i.status)}
        </Badge>
      ),
    },
    { label: 'Joined', cell: (i) => i.uses, align: 'right' },
    { label: 'Expires', cell: (i) => formatMoment(i.expiresAt) },
    {
      label: 'Actions',
      cell: (i) =>
        i.status === 'PENDING' ? (
          <Button
            size="xs"
            variant="default"
            color="red"
            aria-label={`Revoke ${i.kind === 'EMAIL' ? i.email : 'link'}`}
            onClick={() =>
              onConfirm({
                title: `Revoke ${i.kind === 'EMAIL' ? `the invitation of ${i.email}` : 'this link'}?`,
                body: 'It can no longer be accepted, and an investor it was for stops seeing the pool unless they are already a member. Members who joined through it stay members.',
                confirmLabel: 'Revoke',
                danger: true,
                action: () => revoke({ variables: { id: i.id } }),
              })
            }
          >
            Revoke
          </Button>
        ) : null,
    },
  ];
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={3} size="h4">
          Who can see this pool
        </Title>
        <SegmentedControl
          aria-label="Pool visibility"
          value={pool.visibility}
          disabled={!invitable || switching.loading}
          onChange={(value) =>
            void setVisibility({
              variables: { id: pool.id, visibility: value as 'LISTED' | 'INVITE_ONLY' },
            }).catch(() => undefined)
          }
          data={[
            { value: 'LISTED', label: 'Listed to all investors' },
            { value: 'INVITE_ONLY', label: 'Invite-only' },
          ]}
          w="fit-content"
          style={{ maxWidth: '100%' }}
        />
        <Text size="sm" c="dimmed">
          {pool.visibility === 'LISTED'
            ? 'Every investor sees the pool while it is open and can join it.'
            : 'Only investors you invite (and members) see the pool; they join by accepting.'}
        </Text>
        {visibilityError && (
          <Alert color="red" role="alert">
            {visibilityError}
          </Alert>
        )}
      </Stack>
      {invitable ? (
        <>
          <EmailInviteForm poolId={pool.id} />
          <InviteLinkForm poolId={pool.id} />
        </>
      ) : (
        <Text size="sm">A {pool.status.toLowerCase()} pool takes no new invitations.</Text>
      )}
      {invitations.length === 0 ? (
        <Empty title="No invitations yet">Invite investors by email or with a link.</Empty>
      ) : (
        <DataTable label="Invitations" columns={columns} rows={invitations} rowKey={(i) => i.id} />
      )}
      <LoadMore connection={pool.invitationsConnection} fetchMore={fetchMore} what="invitations" />
    </Stack>
  );
}
