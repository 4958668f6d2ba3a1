import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SUMS_FILE = 'SHA256SUMS';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes SHA256SUMS for every other file of the folder, in `sha256sum -c` format. */
export async function writeChecksums(dir: string): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => f !== SUMS_FILE)
    .sort();
  const lines = await Promise.all(files.map(async (f) => `${await sha256Of(join(dir, f))}  ${f}`));
  writeFileSync(join(dir, SUMS_FILE), `${lines.join('\n')}\n`);
}

/**
 * Problems with a backup folder's files: missing SHA256SUMS, a listed file missing or changed,
 * a file that is not listed. Empty when every file is as it was written.
 */
export async function verifyChecksums(dir: string): Promise<string[]> {
  const sumsPath = join(dir, SUMS_FILE);
  if (!existsSync(sumsPath)) return [`${SUMS_FILE} is missing: not a complete backup`];
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const line of readFileSync(sumsPath, 'utf8').split('\n').filter(Boolean)) {
    const match = /^([0-9a-f]{64}) {2}([\w.-]+)$/.exec(line);
    if (!match) {
      problems.push(`${SUMS_FILE} has a malformed line: ${line.slice(0, 80)}`);
      continue;
    }
    const [, expected, file] = match as unknown as [string, string, string];
    listed.add(file);
    const path = join(dir, file);
    if (!existsSync(path)) problems.push(`${file} is listed in ${SUMS_FILE} but missing`);
    else if ((await sha256Of(path)) !== expected)
      problems.push(`${file} does not match its checksum`);
  }
  for (const file of readdirSync(dir)) {
    if (file !== SUMS_FILE && !listed.has(file)) problems.push(`${file} is not in ${SUMS_FILE}`);
  }
  return problems;
}
