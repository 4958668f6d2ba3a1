import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');
const CACHE = join(ROOT, 'node_modules/.cache/poolgraph-entries');

/**
 * Every package but the repository's own stays outside the bundle, imported from the path where
 * its importer would have found it (a workspace can keep its own version of a package), resolved
 * as Node resolves an import: the `node` and `import` conditions, `main` and never `module`.
 */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@poolgraph/') || args.pluginData === 'external') return undefined;
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const found = await build.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: 'external',
      });
      return { path: found.errors.length ? args.path : found.path, external: true };
    });
  },
};

/** Each source keeps its own location: `import.meta.dirname` still finds its migrations, SDL … */
const ownLocation: Plugin = {
  name: 'own-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      loader: 'ts',
      contents: (await readFile(path, 'utf8'))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
        .replaceAll('import.meta.filename', JSON.stringify(path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
    }));
  },
};

async function bundle(entry: string): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    outfile: 'entry.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['main'],
    conditions: ['node'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [externalPackages, ownLocation],
  });
  const code = outputFiles[0]!.contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = relative(ROOT, entry).replace(/\.ts$/, '').replaceAll('/', '-');
  const path = join(CACHE, `${name}-${hash}.mjs`);
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, path);
  }
  return path;
}

const bundles = new Map<string, Promise<string>>();

/**
 * The Node arguments that run a TypeScript entry point of this repository (a service, a script)
 * in a process of its own: the entry and the workspace packages it imports, bundled into one ES
 * module (built once per process, kept under node_modules/.cache by content). Through tsx's
 * hooks (`node --import tsx`) the users service took 3.2–3.7 s of CPU to become ready, from the
 * bundle 1.6 s, and the test suite, `npm start` and the benchmarks start dozens of such
 * processes. Production runs its images' command (tsx) instead.
 */
export async function nodeEntryArgs(entry: string): Promise<string[]> {
  const path = resolve(ROOT, entry);
  let built = bundles.get(path);
  if (!built) {
    built = bundle(path);
    bundles.set(path, built);
    built.catch(() => bundles.delete(path));
  }
  return ['--enable-source-maps', await built];
}
