/**
 * npm run schema:release: records the current supergraph's API schema as the released contract
 * (`supergraph.released.graphql`), which `npm test` compares every later change with. Run it
 * when a version of the graph goes out to clients and partners, and commit the file. It lists
 * what changed since the last release first, and refuses a release with breaking changes unless
 * given --accept-breaking (a deliberate break, agreed with every client).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { composeSupergraph, readSupergraphConfig } from '@poolgraph/supergraph';
import {
  apiSchemaOf,
  checkSchemaChange,
  describeChange,
  releasedSdlOf,
} from '@poolgraph/supergraph/schemaCheck';

const root = resolve(import.meta.dirname, '..');
const releasedPath = resolve(root, 'supergraph.released.graphql');
const supergraph = composeSupergraph(readSupergraphConfig(resolve(root, 'supergraph.yaml')));

if (existsSync(releasedPath)) {
  const check = await checkSchemaChange(
    buildSchema(readFileSync(releasedPath, 'utf8')),
    apiSchemaOf(supergraph),
  );
  const changes = [...check.breaking, ...check.retired, ...check.dangerous, ...check.safe];
  console.log(changes.length ? changes.map(describeChange).join('\n') : 'No changes.');
  if (check.breaking.length && !process.argv.includes('--accept-breaking')) {
    console.error(
      `${check.breaking.length} breaking change(s): deprecate first, or pass --accept-breaking.`,
    );
    process.exit(1);
  }
}
writeFileSync(releasedPath, releasedSdlOf(supergraph));
console.log(`Wrote ${releasedPath}`);
