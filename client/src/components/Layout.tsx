import { useApolloClient } from '@apollo/client/react';
import { Anchor, AppShell, Burger, Button, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { primaryRole, useSession, useSessionStore, type AppRole } from '../session.tsx';
import { Loading } from './States.tsx';
import { SecondFactorReminder } from './SecondFactorReminder.tsx';
import { StepUpDialog } from './StepUpDialog.tsx';

/** Managers' live alert toasts: their own chunk, nobody else downloads them. */
const AlertToasts = lazy(async () => ({
  default: (await import('./AlertToasts.tsx')).AlertToasts,
}));

/** Investors' unread-notice count: its own chunk too. */
const NoticeBadge = lazy(async () => ({
  default: (await import('./NoticeBadge.tsx')).NoticeBadge,
}));

const NAV: Record<AppRole, Array<{ to: string; label: string }>> = {
  MANAGER: [
    { to: '/manager', label: 'Dashboard' },
    { to: '/manager/alerts', label: 'Alerts' },
    { to: '/manager/rules', label: 'Alert rules' },
    { to: '/manager/reports', label: 'Reports' },
    { to: '/manager/keys', label: 'Partner keys' },
  ],
  INVESTOR: [
    { to: '/investor', label: 'Open pools' },
    { to: '/investor/positions', label: 'My positions' },
    { to: '/investor/transactions', label: 'Transactions' },
    { to: '/investor/notices', label: 'Notices' },
    { to: '/invitations', label: 'Invitations' },
    { to: '/investor/statements', label: 'Statements' },
  ],
  ADMIN: [
    { to: '/admin', label: 'API keys' },
    { to: '/admin/reports', label: 'Reports' },
  ],
};

/** The signed-in frame: header with the user and log-out, navigation for their role. */
export function Layout() {
  const session = useSession();
  const store = useSessionStore();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const client = useApolloClient();
  const [loading, setLoading] = useState(false);
  // Signed out (a bookmark, Back after logging out): log in first, then come back here.
  if (!session) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  const role = primaryRole(session);

  async function signOut() {
    const refreshToken = store.current?.refreshToken;
    // The session ends locally whatever the server says: a dead network must not trap the user.
    setLoading(true);
    if (refreshToken) {
      // The generated module holds every screen's operations: loaded when needed, not up front.
      const { LogOutDocument } = await import('../__generated__/graphql.ts');
      await client
        .mutate({ mutation: LogOutDocument, variables: { refreshToken } })
        .catch(() => undefined);
    }
    setLoading(false);
    store.set(null);
    await navigate('/login');
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={1} size="h3">
              Poolgraph
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Anchor
              component={Link}
              to="/account"
              size="sm"
              c="inherit"
              visibleFrom="xs"
              data-testid="signed-in-as"
              title="Your account"
            >
              {session.user.name} · {role.toLowerCase()}
            </Anchor>
            <Button variant="default" size="xs" onClick={() => void signOut()} loading={loading}>
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV[role].map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            rightSection={
              item.to === '/investor/notices' ? (
                <Suspense fallback={null}>
                  <NoticeBadge />
                </Suspense>
              ) : undefined
            }
            onClick={close}
            variant="filled"
            active={
              item.to === location.pathname ||
              (item.to === '/manager' && location.pathname.startsWith('/manager/pools'))
            }
          />
        ))}
        <NavLink
          component={Link}
          to="/account"
          label="Your account"
          onClick={close}
          variant="filled"
          active={location.pathname === '/account'}
          mt="auto"
        />
      </AppShell.Navbar>
      <AppShell.Main>
        <StepUpDialog />
        {role === 'ADMIN' && <SecondFactorReminder />}
        <Suspense fallback={<Loading />}>
          {role === 'MANAGER' && <AlertToasts />}
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
