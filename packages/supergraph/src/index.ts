import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';

export interface SubgraphSource {
  name: string;
  url: string;
  typeDefs: string;
  file: string;
}

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Composition failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

interface RoverConfig {
  federation_version?: string;
  subgraphs?: Record<string, { routing_url?: string; schema?: { file?: string } }>;
}

/** Reads rover's `supergraph.yaml` format: each subgraph's routing URL and schema file. */
export function readSupergraphConfig(configPath: string): SubgraphSource[] {
  const config = parseYaml(readFileSync(configPath, 'utf8')) as RoverConfig;
  const entries = Object.entries(config.subgraphs ?? {});
  if (entries.length === 0) throw new CompositionError([`${configPath} lists no subgraphs`]);
  return entries.map(([name, entry]) => {
    if (!entry.routing_url) throw new CompositionError([`${name}: routing_url is missing`]);
    if (!entry.schema?.file) throw new CompositionError([`${name}: schema.file is missing`]);
    const file = resolve(dirname(configPath), entry.schema.file);
    return { name, url: entry.routing_url, file, typeDefs: readFileSync(file, 'utf8') };
  });
}

/** Composes subgraph SDLs into a supergraph SDL; every error names its subgraph when it can. */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const problems: string[] = [];
  const services = subgraphs.flatMap((subgraph) => {
    try {
      return [{ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.typeDefs) }];
    } catch (error) {
      problems.push(`${subgraph.name} (${subgraph.file}): ${(error as Error).message}`);
      return [];
    }
  });
  if (problems.length) throw new CompositionError(problems);
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(
      result.errors.map((error) => {
        const where = error.nodes?.map((n) => n.loc?.source.name).filter(Boolean) ?? [];
        return `${error.extensions?.code ?? 'ERROR'}: ${error.message}${where.length ? ` (${[...new Set(where)].join(', ')})` : ''}`;
      }),
    );
  }
  return result.supergraphSdl;
}

/** The same subgraphs at other URLs, e.g. test servers on ephemeral ports. */
export function withUrls(
  subgraphs: SubgraphSource[],
  urls: Record<string, string>,
): SubgraphSource[] {
  return subgraphs.map((s) => ({ ...s, url: urls[s.name] ?? s.url }));
}
