/** The signed-in user as the app knows it, kept across reloads in localStorage. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; name: string; roles: string[] };
}

const KEY = 'poolgraph.session';

/** Seconds since the epoch at which the access token expires, from its `exp` claim. */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

type Listener = (session: Session | null) => void;

/**
 * Holds the session, tells listeners when it changes (the WebSocket reconnects with the new
 * token; the UI follows log-in and log-out), and refreshes the access token once at a time:
 * concurrent callers share one `refreshSession` call, because the refresh token rotates and a
 * second use of the old one would end the whole session family.
 */
export class SessionStore {
  private session: Session | null;
  private listeners = new Set<Listener>();
  private refreshing: Promise<Session | null> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set by the Apollo client: sends refreshSession and returns the new tokens. */
  refresher: ((refreshToken: string) => Promise<Session>) | undefined;
  /**
   * Set by the signed-in frame's step-up dialog: asks for a code, proves it (stepUp) and puts
   * the new access token in the session; true when it did, false when the person cancelled.
   */
  stepUpPrompt: (() => Promise<boolean>) | undefined;
  private steppingUp: Promise<boolean> | undefined;

  constructor(private readonly storage: Storage | undefined = globalThis.localStorage) {
    const stored = storage?.getItem(KEY);
    this.session = stored ? (JSON.parse(stored) as Session) : null;
    this.schedule();
  }

  get current(): Session | null {
    return this.session;
  }

  set(session: Session | null): void {
    this.session = session;
    if (session) this.storage?.setItem(KEY, JSON.stringify(session));
    else this.storage?.removeItem(KEY);
    this.schedule();
    for (const listener of this.listeners) listener(session);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new access token, or null (and signed out) when the session cannot be renewed. */
  refresh(): Promise<Session | null> {
    const session = this.session;
    if (!session || !this.refresher) return Promise.resolve(null);
    this.refreshing ??= this.refresher(session.refreshToken)
      .then((next) => {
        this.set(next);
        return next;
      })
      .catch(() => {
        // Only sign out when nobody signed in again meanwhile.
        if (this.session === session) this.set(null);
        return null;
      })
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /**
   * A fresh second factor for operations that answered `use: "stepUp"`: one dialog for every
   * request that needs it at the same moment.
   */
  stepUp(): Promise<boolean> {
    if (!this.stepUpPrompt || !this.session) return Promise.resolve(false);
    this.steppingUp ??= this.stepUpPrompt().finally(() => (this.steppingUp = undefined));
    return this.steppingUp;
  }

  /** Replaces the access token (a step-up's), keeping the refresh token and the user. */
  setAccessToken(accessToken: string): void {
    if (this.session) this.set({ ...this.session, accessToken });
  }

  /** Refreshes a minute before the access token expires; a token of two minutes or less at half its life. */
  private schedule(): void {
    clearTimeout(this.timer);
    const token = this.session?.accessToken;
    const exp = token && tokenExpiry(token);
    if (!exp) return;
    const left = exp * 1000 - Date.now();
    const delay = Math.max(0, left - 60_000, left / 2);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
