import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface LockEntry {
  name?: string;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * The package names `npm ci --omit=dev --workspace=<name>` installs, read from package-lock.json
 * the way npm resolves them: each dependency from the nearest `node_modules` up the tree, links
 * followed to their workspace, peers included (npm installs them) unless optional.
 */
export function productionDependencies(root: string, workspace: string): Set<string> {
  const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const packages = lock.packages;
  const start = Object.keys(packages).find(
    (path) => !path.includes('node_modules') && packages[path]?.name === workspace,
  );
  if (start === undefined) throw new Error(`${workspace} is no workspace in package-lock.json`);
  const names = new Set<string>();
  const seen = new Set<string>();
  const locate = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules')))) {
      const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (packages[candidate]) return candidate;
      if (!dir) return undefined;
    }
  };
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const entry = packages[path]!;
    if (entry.link && entry.resolved) return visit(entry.resolved);
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    const wanted = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((n) => !optionalPeers[n]?.optional),
    ];
    for (const name of wanted) {
      const found = locate(path, name);
      if (!found) continue; // an optional dependency for another platform
      names.add(name);
      visit(found);
    }
  };
  visit(start);
  return names;
}
