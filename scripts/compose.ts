/**
 * npm run compose [-- --check]: composes supergraph.yaml into supergraph.graphql.
 * With --check, fails when the committed supergraph.graphql is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CompositionError, composeSupergraph, readSupergraphConfig } from '@poolgraph/supergraph';

const root = resolve(import.meta.dirname, '..');
const output = resolve(root, 'supergraph.graphql');
const check = process.argv.includes('--check');

try {
  const sdl = composeSupergraph(readSupergraphConfig(resolve(root, 'supergraph.yaml')));
  if (check) {
    const current = readFileSync(output, 'utf8');
    if (current !== sdl) {
      console.error('supergraph.graphql is out of date: run `npm run compose` and commit it.');
      process.exit(1);
    }
    console.log('supergraph.graphql composes and is up to date.');
  } else {
    writeFileSync(output, sdl);
    console.log(`Wrote ${output}`);
  }
} catch (error) {
  if (error instanceof CompositionError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
