import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Session, SessionStore } from './apollo/session.ts';

const SessionContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore outside SessionProvider');
  return store;
}

/** The current session; components re-render on log-in, refresh and log-out. */
export function useSession(): Session | null {
  const store = useSessionStore();
  return useSyncExternalStore(
    (onChange) => store.subscribe(onChange),
    () => store.current,
  );
}

export type AppRole = 'ADMIN' | 'MANAGER' | 'INVESTOR';

/** The role whose screens the user sees (an admin who also manages sees the admin's). */
export function primaryRole(session: Session): AppRole {
  const roles = session.user.roles;
  if (roles.includes('ADMIN')) return 'ADMIN';
  if (roles.includes('MANAGER')) return 'MANAGER';
  return 'INVESTOR';
}

export function homeOf(role: AppRole): string {
  return role === 'ADMIN' ? '/admin' : role === 'MANAGER' ? '/manager' : '/investor';
}

/** The session an AuthPayload (log in, sign up, password reset …) starts. */
export function sessionOf(payload: {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; name: string; roles: readonly string[] };
}): Session {
  const { accessToken, refreshToken, user } = payload;
  return { accessToken, refreshToken, user: { ...user, roles: [...user.roles] } };
}
