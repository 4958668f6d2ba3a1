import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink } from '@apollo/client';
import { print } from '@apollo/client/utilities';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { Observable } from 'rxjs';
import { createCache, httpChain } from '../src/apollo/links.ts';
import { SessionStore } from '../src/apollo/session.ts';

export interface ManifestOperation {
  id: string;
  body: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
}

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === 'Document';

/**
 * Each operation as it leaves the app: the documents go through a real ApolloClient (its cache
 * adds __typename) and the app's own HTTP link chain (whose persisted-query link hashes the
 * text); a recording link at the end keeps the text and the hash it sends. So the manifest's
 * ids are, by construction, the hashes the app sends.
 */
export async function buildManifest(
  documents: Record<string, unknown>,
): Promise<PersistedQueryManifest> {
  const sent = new Map<string, ManifestOperation>();
  const recorder = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const body = print(operation.query);
        const id = (operation.extensions as { persistedQuery?: { sha256Hash?: string } })
          .persistedQuery?.sha256Hash;
        const definition = operation.query.definitions.find(
          (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
        );
        if (!id || !definition?.name) throw new Error('an operation left without a hash or name');
        if (createHash('sha256').update(body).digest('hex') !== id) {
          throw new Error(`${definition.name.value}: the sent hash is not the body's SHA-256`);
        }
        sent.set(id, { id, body, name: definition.name.value, type: definition.operation });
        observer.next({ data: null });
        observer.complete();
      }),
  );
  const client = new ApolloClient({
    link: httpChain(new SessionStore(undefined), recorder),
    cache: createCache(),
  });

  for (const document of Object.values(documents).filter(isDocument)) {
    const definition = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    if (!definition) continue;
    const swallow = () => undefined;
    if (definition.operation === 'query') {
      await client.query({ query: document, fetchPolicy: 'no-cache' }).catch(swallow);
    } else if (definition.operation === 'mutation') {
      await client.mutate({ mutation: document }).catch(swallow);
    } else {
      await new Promise<void>((done) => {
        client.subscribe({ query: document }).subscribe({ complete: done, error: () => done() });
      });
    }
  }
  const operations = [...sent.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}
