import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decryptingStream, encryptingStream, type BackupKey } from './encryption.ts';

/** How the files of one encrypted backup are sealed: the key and the backup's random id. */
export interface BackupSeal {
  key: BackupKey;
  backupId: string;
}

/** A file's name in the folder: `<name>.enc` when encrypted. */
export const storedName = (name: string, seal: BackupSeal | undefined) =>
  seal ? `${name}.enc` : name;

const context = (name: string, seal: BackupSeal) => `${seal.backupId}|${name}`;

/** The stages between what a file holds and the disk (none for an unencrypted backup). */
export const sealingStages = (name: string, seal: BackupSeal | undefined): Transform[] =>
  seal ? [encryptingStream(seal.key, context(name, seal))] : [];

/** The stages between the disk and what a file holds: every byte out authenticated. */
export const openingStages = (name: string, seal: BackupSeal | undefined): Transform[] =>
  seal ? [decryptingStream(seal.key, context(name, seal), storedName(name, seal))] : [];

/** Writes a small file (the groups' positions) whole. */
export async function writeWhole(
  dir: string,
  name: string,
  seal: BackupSeal | undefined,
  data: string,
): Promise<void> {
  await pipeline([
    Readable.from([Buffer.from(data, 'utf8')]),
    ...sealingStages(name, seal),
    createWriteStream(join(dir, storedName(name, seal))),
  ]);
}

/** Reads a small file whole, authenticated when encrypted. */
export async function readWhole(
  dir: string,
  name: string,
  seal: BackupSeal | undefined,
): Promise<string> {
  const parts: Buffer[] = [];
  await pipeline([
    createReadStream(join(dir, storedName(name, seal))),
    ...openingStages(name, seal),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        parts.push(chunk);
        done();
      },
    }),
  ]);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Decrypts every file of an encrypted backup without keeping anything, so a restore refuses a
 * tampered or wrong-key backup before it changes anything. The problems, one per file.
 */
export async function checkDecrypts(
  dir: string,
  names: string[],
  seal: BackupSeal,
): Promise<string[]> {
  const problems: string[] = [];
  for (const name of names) {
    try {
      await pipeline([
        createReadStream(join(dir, storedName(name, seal))),
        ...openingStages(name, seal),
        new Writable({ write: (_chunk, _encoding, done) => done() }),
      ]);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}
