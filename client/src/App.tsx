import { Navigate, Route, Routes, useLocation } from 'react-router';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { homeOf, primaryRole, useSession, type AppRole } from './session.tsx';

/**
 * One chunk per screen: the first page loads only the frame and the screen it shows (the
 * initial script stays under 150 kB gzip; `client/scripts/bundle-size.ts` checks it).
 */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const Layout = screen(() => import('./components/Layout.tsx'), 'Layout');
const LogIn = screen(() => import('./screens/auth/LogIn.tsx'), 'LogIn');
const SignUp = screen(() => import('./screens/auth/SignUp.tsx'), 'SignUp');
const ConfirmSignUp = screen(() => import('./screens/auth/ConfirmSignUp.tsx'), 'ConfirmSignUp');
const ForgotPassword = screen(() => import('./screens/auth/ForgotPassword.tsx'), 'ForgotPassword');
const ResetPassword = screen(() => import('./screens/auth/ResetPassword.tsx'), 'ResetPassword');
const ConfirmEmail = screen(() => import('./screens/auth/ConfirmEmail.tsx'), 'ConfirmEmail');
const Account = screen(() => import('./screens/account/Account.tsx'), 'Account');
const AlertRules = screen(() => import('./screens/manager/AlertRules.tsx'), 'AlertRules');
const AlertsInbox = screen(() => import('./screens/manager/AlertsInbox.tsx'), 'AlertsInbox');
const Dashboard = screen(() => import('./screens/manager/Dashboard.tsx'), 'Dashboard');
const PoolPage = screen(() => import('./screens/manager/PoolPage.tsx'), 'PoolPage');
const OpenPools = screen(() => import('./screens/investor/OpenPools.tsx'), 'OpenPools');
const Positions = screen(() => import('./screens/investor/Positions.tsx'), 'Positions');
const Invitations = screen(() => import('./screens/investor/Invitations.tsx'), 'Invitations');
const InviteLink = screen(() => import('./screens/investor/InviteLink.tsx'), 'InviteLink');
const Statements = screen(() => import('./screens/investor/Statements.tsx'), 'Statements');
const Notices = screen(() => import('./screens/investor/Notices.tsx'), 'Notices');
const History = screen(() => import('./screens/investor/History.tsx'), 'History');
const Reports = screen(() => import('./screens/Reports.tsx'), 'Reports');
const ApiKeys = screen(() => import('./screens/admin/ApiKeys.tsx'), 'ApiKeys');
const PartnerKeys = screen(() => import('./screens/manager/PartnerKeys.tsx'), 'PartnerKeys');

/** While a screen's chunk loads: plain markup, so the first script needs no component library. */
function ScreenLoading() {
  return (
    <p role="status" style={{ padding: 16, margin: 0 }}>
      Loading…
    </p>
  );
}

/** Screens for one role; anyone else is sent to their own home, the signed-out to log in. */
function RequireRole({ role, children }: { role: AppRole; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    // Back here after logging in: the path with its query and hash (a bookmark, Back after log-out).
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  const mine = primaryRole(session);
  return mine === role ? children : <Navigate to={homeOf(mine)} replace />;
}

function Home() {
  const session = useSession();
  return <Navigate to={session ? homeOf(primaryRole(session)) : '/login'} replace />;
}

/** Where a user who just logged in goes: the page that sent them to log in, else their home. */
function AfterLogIn() {
  const session = useSession();
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  // Only a path of this app: never an address elsewhere ("//evil.example").
  const back = typeof from === 'string' && /^\/(?!\/)/.test(from) ? from : undefined;
  return <Navigate to={back ?? (session ? homeOf(primaryRole(session)) : '/login')} replace />;
}

export function App() {
  const session = useSession();
  return (
    <Suspense fallback={<ScreenLoading />}>
      <Routes>
        <Route path="/login" element={session ? <AfterLogIn /> : <LogIn />} />
        <Route path="/signup" element={session ? <Home /> : <SignUp />} />
        <Route path="/confirm-sign-up" element={<ConfirmSignUp />} />
        <Route path="/forgot-password" element={<ForgotPassword />} />
        <Route path="/reset-password" element={<ResetPassword />} />
        <Route path="/confirm-email" element={<ConfirmEmail />} />
        <Route element={<Layout />}>
          <Route path="/account" element={<Account />} />
          <Route
            path="/manager"
            element={
              <RequireRole role="MANAGER">
                <Dashboard />
              </RequireRole>
            }
          />
          <Route
            path="/manager/pools/:poolId"
            element={
              <RequireRole role="MANAGER">
                <PoolPage />
              </RequireRole>
            }
          />
          <Route
            path="/manager/statements/:investorId"
            element={
              <RequireRole role="MANAGER">
                <Statements />
              </RequireRole>
            }
          />
          <Route
            path="/manager/alerts"
            element={
              <RequireRole role="MANAGER">
                <AlertsInbox />
              </RequireRole>
            }
          />
          <Route
            path="/manager/rules"
            element={
              <RequireRole role="MANAGER">
                <AlertRules />
              </RequireRole>
            }
          />
          <Route
            path="/manager/keys"
            element={
              <RequireRole role="MANAGER">
                <PartnerKeys />
              </RequireRole>
            }
          />
          <Route
            path="/manager/reports"
            element={
              <RequireRole role="MANAGER">
                <Reports />
              </RequireRole>
            }
          />
          <Route
            path="/investor"
            element={
              <RequireRole role="INVESTOR">
                <OpenPools />
              </RequireRole>
            }
          />
          <Route
            path="/investor/positions"
            element={
              <RequireRole role="INVESTOR">
                <Positions />
              </RequireRole>
            }
          />
          <Route
            path="/investor/statements"
            element={
              <RequireRole role="INVESTOR">
                <Statements />
              </RequireRole>
            }
          />
          <Route
            path="/investor/notices"
            element={
              <RequireRole role="INVESTOR">
                <Notices />
              </RequireRole>
            }
          />
          <Route
            path="/investor/transactions"
            element={
              <RequireRole role="INVESTOR">
                <History />
              </RequireRole>
            }
          />
          <Route
            path="/invitations"
            element={
              <RequireRole role="INVESTOR">
                <Invitations />
              </RequireRole>
            }
          />
          <Route
            path="/invite/:token"
            element={
              <RequireRole role="INVESTOR">
                <InviteLink />
              </RequireRole>
            }
          />
          <Route
            path="/admin"
            element={
              <RequireRole role="ADMIN">
                <ApiKeys />
              </RequireRole>
            }
          />
          <Route
            path="/admin/reports"
            element={
              <RequireRole role="ADMIN">
                <Reports />
              </RequireRole>
            }
          />
        </Route>
        <Route path="*" element={<Home />} />
      </Routes>
    </Suspense>
  );
}
