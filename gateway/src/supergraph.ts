import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@poolgraph/platform';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';

/** Where the gateway's supergraph comes from: given inline (tests) or read from a file. */
export type SupergraphSource =
  { supergraphSdl: string } | { supergraphPath: string; watch: boolean };

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** Lets several editor or `npm run compose` writes settle into one reload. */
const RELOAD_DEBOUNCE_MS = 100;

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const argument = directive.arguments?.find((a) => a.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}

/** The subgraphs a supergraph routes to, read from its `enum join__Graph`. */
export function subgraphsOf(supergraphSdl: string): SubgraphEndpoint[] {
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') {
      continue;
    }
    return (definition.values ?? []).flatMap((value) => {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = directive && stringArgument(directive, 'name');
      const url = directive && stringArgument(directive, 'url');
      return name && url ? [{ name, url }] : [];
    });
  }
  return [];
}

/**
 * Calls `onChange` (debounced) when the file is written or replaced. The directory is
 * watched rather than the file: editors and atomic writers replace the file with a rename,
 * which would silently end a watch on the old inode.
 */
function watchFileChanges(path: string, onChange: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, filename) => {
    if (filename && filename !== basename(path)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, RELOAD_DEBOUNCE_MS);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * ApolloGateway's `supergraphSdl` hook. From a file with `watch`, later changes are pushed
 * with `update`, which hot-swaps the schema; a file that does not load is logged and the
 * current schema stays. The returned `stop` ends the watch (also done by the gateway's cleanup).
 */
export function supergraphHook(
  source: SupergraphSource,
  log: Logger,
): { hook: SupergraphSdlHook; stop: () => Promise<void> } {
  let stopWatching = () => {};
  const stop = async () => stopWatching();
  if ('supergraphSdl' in source) {
    return { hook: async () => ({ supergraphSdl: source.supergraphSdl }), stop };
  }
  const path = source.supergraphPath;
  const hook: SupergraphSdlHook = async ({ update }) => {
    let current = await readFile(path, 'utf8');
    log.info({ path, subgraphs: subgraphsOf(current).map((s) => s.name) }, 'supergraph loaded');
    if (!source.watch) return { supergraphSdl: current };

    const reload = async () => {
      try {
        const next = await readFile(path, 'utf8');
        if (next === current) return;
        // Throws on a supergraph that does not parse or validate; the old schema stays in use.
        update(next);
        current = next;
        log.info({ path, subgraphs: subgraphsOf(next).map((s) => s.name) }, 'supergraph reloaded');
      } catch (error) {
        log.error({ err: error, path }, 'supergraph reload failed; keeping the current schema');
      }
    };
    // Reloads run one after another, so a slow read can never apply an older file last.
    let reloading = Promise.resolve();
    stopWatching = watchFileChanges(path, () => {
      reloading = reloading.then(reload);
    });
    return { supergraphSdl: current, cleanup: stop };
  };
  return { hook, stop };
}
