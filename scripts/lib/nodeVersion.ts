/**
 * Imported first by `npm start` and the test preflight, so an old Node is named before anything
 * else fails in a confusing way. The range is `engines.node` in package.json: Node 20.19+
 * (require of ESM, `import.meta.dirname`) or 22+.
 */
const NEEDED = 'Node 20.19 or newer (20.x from 20.19, or 22 and later)';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const supported = (major === 20 && minor >= 19) || major >= 22;
if (!supported) {
  console.error(
    `Poolgraph needs ${NEEDED}; this is Node ${process.versions.node}.\n` +
      'Install one (e.g. from https://nodejs.org or your package manager), then run the command again.',
  );
  process.exit(1);
}
