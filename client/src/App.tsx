import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { Layout } from './components/Layout.tsx';
import { LogIn } from './screens/auth/LogIn.tsx';
import { SignUp } from './screens/auth/SignUp.tsx';
import { AlertRules } from './screens/manager/AlertRules.tsx';
import { AlertsInbox } from './screens/manager/AlertsInbox.tsx';
import { Dashboard } from './screens/manager/Dashboard.tsx';
import { PoolPage } from './screens/manager/PoolPage.tsx';
import { OpenPools } from './screens/investor/OpenPools.tsx';
import { Positions } from './screens/investor/Positions.tsx';
import { Statements } from './screens/investor/Statements.tsx';
import { Reports } from './screens/Reports.tsx';
import { ApiKeys } from './screens/admin/ApiKeys.tsx';
import { homeOf, primaryRole, useSession, type AppRole } from './session.tsx';

/** Screens for one role; anyone else is sent to their own home, the signed-out to log in. */
function RequireRole({ role, children }: { role: AppRole; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const mine = primaryRole(session);
  return mine === role ? children : <Navigate to={homeOf(mine)} replace />;
}

function Home() {
  const session = useSession();
  return <Navigate to={session ? homeOf(primaryRole(session)) : '/login'} replace />;
}

export function App() {
  const session = useSession();
  return (
    <Routes>
      <Route path="/login" element={session ? <Home /> : <LogIn />} />
      <Route path="/signup" element={session ? <Home /> : <SignUp />} />
      <Route element={<Layout />}>
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
  );
}
