import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createPoolgraphClient } from './apollo/client.ts';
import { SessionStore } from './apollo/session.ts';
import { App } from './App.tsx';
import { SessionProvider } from './session.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const session = new SessionStore();
const { client } = createPoolgraphClient(session);
// A signed-out user's cached data must not show to the next one on this browser.
session.subscribe((next) => {
  if (!next) void client.clearStore();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" limit={5} />
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
