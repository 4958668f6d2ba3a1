import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createPoolgraphClient } from './apollo/client.ts';
import { SessionStore } from './apollo/session.ts';
import { App } from './App.tsx';
import { SessionProvider } from './session.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// Toasts appear only after something happened on a screen: their code loads after the first paint.
const Notifications = lazy(async () => ({
  default: (await import('@mantine/notifications')).Notifications,
}));

const session = new SessionStore();
const { client } = createPoolgraphClient(session);
// A signed-out user's cached data must not show to the next one on this browser.
session.subscribe((next) => {
  if (!next) void client.clearStore();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      // The system's choice (prefers-color-scheme): dark at night without a setting to find.
      defaultColorScheme="auto"
    >
      <Suspense fallback={null}>
        <Notifications position="bottom-right" limit={5} />
      </Suspense>
      <SessionProvider store={session}>
        <ApolloProvider client={client}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </ApolloProvider>
      </SessionProvider>
    </MantineProvider>
  </StrictMode>,
);
