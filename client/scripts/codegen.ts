/**
 * npm run codegen [-- --check]: the client's generated files, all from the composed supergraph.
 *   schema.graphql                          the API schema (what clients see) of supergraph.graphql
 *   src/__generated__/                      typed documents (@graphql-codegen client preset)
 *   ../gateway/persisted-queries/client.json every operation as the app sends it, in Apollo's
 *                                           persisted-query manifest format (id = SHA-256 of body)
 * With --check nothing is written: it fails, naming the stale files, when any would change.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';
import { buildManifest } from './manifest.ts';

const CLIENT = resolve(import.meta.dirname, '..');
const ROOT = resolve(CLIENT, '..');
const check = process.argv.includes('--check');

const supergraphSdl = readFileSync(join(ROOT, 'supergraph.graphql'), 'utf8');
const apiSchema = printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());

const outputs = new Map<string, string>();
outputs.set(join(CLIENT, 'schema.graphql'), `${apiSchema}\n`);

const generated = await generate(
  {
    schema: apiSchema,
    documents: ['src/**/*.{ts,tsx}', '!src/__generated__/**', '!src/**/*.test.{ts,tsx}'],
    silent: true,
    generates: {
      'src/__generated__/': {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          skipTypename: false,
          scalars: { DateTime: 'string', Decimal: 'string' },
        },
      },
    },
    cwd: CLIENT,
  },
  false,
);
for (const file of generated as Array<{ filename: string; content: string }>) {
  outputs.set(resolve(CLIENT, file.filename), file.content);
}

// The manifest comes from the generated documents as the app's own link chain sends them.
const graphqlTs = [...outputs].find(([path]) => path.endsWith('__generated__/graphql.ts'))?.[1];
if (!graphqlTs) throw new Error('codegen produced no src/__generated__/graphql.ts');
const scratch = mkdtempSync(join(CLIENT, 'node_modules/.codegen-'));
try {
  const modulePath = join(scratch, 'graphql.ts');
  writeFileSync(modulePath, graphqlTs);
  const documents = (await import(modulePath)) as Record<string, unknown>;
  const manifest = await buildManifest(documents);
  outputs.set(
    join(ROOT, 'gateway/persisted-queries/client.json'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const stale = [...outputs].filter(
  ([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content,
);
if (check) {
  if (stale.length) {
    console.error(
      `Stale generated client files (run npm run codegen):\n${stale.map(([p]) => `  ${relative(ROOT, p)}`).join('\n')}`,
    );
    process.exit(1);
  }
} else {
  for (const [path, content] of stale) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${relative(ROOT, path)}`);
  }
}
