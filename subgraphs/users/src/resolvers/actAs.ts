import type { Session } from '../auth/sessions.ts';
import type { Context } from '../context.ts';

/**
 * The caller has just proved who they are: the rest of this response (AuthPayload.user)
 * is read as that user, not as the anonymous caller the request came in as.
 */
export function actAs(context: Context, session: Session): Session {
  context.viewer = {
    userId: session.user.id,
    roles: session.user.roles,
    sessionId: session.sessionId,
    scopes: [],
  };
  return session;
}
