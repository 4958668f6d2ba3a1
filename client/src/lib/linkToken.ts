import { useEffect, useState } from 'react';

/**
 * The token of an emailed link (`…#token=…`): in the fragment, so no server log or Referer
 * sees it. Read once, then taken out of the address bar and the history.
 */
export function useLinkToken(): string {
  const [token] = useState(
    () => new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '',
  );
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  return token;
}
