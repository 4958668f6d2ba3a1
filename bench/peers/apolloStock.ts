/**
 * The baseline of `npm run bench:gateway`: a stock @apollo/gateway behind @apollo/server's
 * standalone server, nothing added but what every deployment needs here (the caller's
 * `authorization` header forwarded, since the subgraphs verify the JWT themselves).
 *
 *   tsx bench/peers/apolloStock.ts <supergraph.graphql> <port>
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [supergraphPath, port] = process.argv.slice(2);
if (!supergraphPath || !port) throw new Error('usage: apolloStock.ts <supergraph> <port>');

interface Context {
  authorization: string | undefined;
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource<Context>({
      url,
      willSendRequest({ request, context }) {
        if (context.authorization)
          request.http?.headers.set('authorization', context.authorization);
      },
    }),
});
const server = new ApolloServer<Context>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(port), host: '127.0.0.1' },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
process.stdout.write(`stock @apollo/gateway at ${url}\n`);
