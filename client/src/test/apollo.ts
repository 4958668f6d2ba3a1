import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import type { GraphQLError } from 'graphql';
import { Observable } from 'rxjs';

/** What a test's server says to one operation: data and errors, an Error (no answer at all), or nothing yet. */
export type Answer = { data?: unknown; errors?: readonly GraphQLError[] } | Error | null;

/**
 * A real Apollo client (its cache, its error handling) whose link asks `answer` for each
 * operation instead of a server: a test says what the API answers and sees what was asked.
 * A subscription gets `null` unless the test answers it, and stays open.
 */
export function answeringClient(answer: (operation: ApolloLink.Operation) => Answer) {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          const reply = answer(operation);
          if (reply === null) return;
          if (reply instanceof Error) return observer.error(reply);
          observer.next({
            data: reply.data as Record<string, unknown> | undefined,
            errors: reply.errors?.map((e) => e.toJSON()),
          });
          observer.complete();
        }),
    ),
  });
}
