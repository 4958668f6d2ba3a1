import { useQuery } from '@apollo/client/react';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { graphql } from '../../__generated__/gql.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { useDocumentTitle } from '../../lib/documentTitle.ts';
import { EmailForm } from './EmailForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PayoutDetailsForm } from './PayoutDetailsForm.tsx';
import { SecondFactorPanel } from './SecondFactorPanel.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { SessionsList } from './SessionsList.tsx';

export const AccountQuery = graphql(`
  query Account {
    me {
      id
      email
      name
      phone
      roles
      secondFactor {
        enabled
        mustEnrol
        requireSetting
        recoveryCodesLeft
      }
      payoutDetails {
        accountHolder
        maskedIban
        bic
      }
    }
  }
`);

/**
 * Everyone's own account: profile, email, password, second factor, payout details and the
 * devices signed in.
 */
export function Account() {
  useDocumentTitle('Your account');
  const { data, loading, error, refetch } = useQuery(AccountQuery);
  if (loading && !data) return <Loading />;
  if (error || !data?.me) return <ErrorState error={error} retry={() => void refetch()} />;
  return (
    <Stack>
      <Title order={2}>Your account</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ProfileForm me={data.me} />
        <EmailForm current={data.me.email} />
        <PasswordForm />
        {data.me.secondFactor && (
          <SecondFactorPanel status={data.me.secondFactor} onChange={() => void refetch()} />
        )}
        {(data.me.roles.includes('INVESTOR') || data.me.roles.includes('MANAGER')) && (
          <PayoutDetailsForm
            current={data.me.payoutDetails ?? null}
            onChange={() => void refetch()}
          />
        )}
        <SessionsList />
      </SimpleGrid>
    </Stack>
  );
}
