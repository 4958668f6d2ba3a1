import { useQuery } from '@apollo/client/react';
import { Alert, Anchor } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { graphql } from '../__generated__/gql.ts';

const SecondFactorReminderQuery = graphql(`
  query SecondFactorReminder {
    me {
      id
      secondFactor {
        enabled
        mustEnrol
      }
    }
  }
`);

/**
 * An administrator who must have a second factor and has none: the server gives their session
 * no ADMIN rights until they turn one on, so say so on every page instead of failing screens.
 */
export function SecondFactorReminder() {
  const { data } = useQuery(SecondFactorReminderQuery);
  const location = useLocation();
  const factor = data?.me?.secondFactor;
  if (!factor?.mustEnrol || factor.enabled) return null;
  return (
    <Alert color="yellow" title="Turn on a second factor" mb="md" data-testid="enrol-reminder">
      Administrators must log in with a code from an authenticator app. Until you turn it on, the
      admin screens stay closed.{' '}
      {location.pathname !== '/account' && (
        <Anchor component={Link} to="/account">
          Turn it on now
        </Anchor>
      )}
    </Alert>
  );
}
