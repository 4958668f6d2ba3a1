import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A program the commands run, and the Debian package that ships it. */
export interface SystemProgram {
  /** An absolute path, or a name looked up on PATH (and in /usr/sbin, which users' PATH may lack). */
  program: string;
  debianPackage: string;
}

/** The servers `npm start` runs when none answers, and the test run always. */
export const SERVER_PROGRAMS = {
  mariadb: [
    // packages/testing starts /usr/sbin/mariadbd by its path.
    { program: '/usr/sbin/mariadbd', debianPackage: 'mariadb-server' },
    { program: 'mariadb-install-db', debianPackage: 'mariadb-server' },
  ],
  redis: [{ program: 'redis-server', debianPackage: 'redis-server' }],
} satisfies Record<string, SystemProgram[]>;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function hasProgram(program: string): boolean {
  if (program.startsWith('/')) return isExecutable(program);
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  return dirs.some((dir) => dir && isExecutable(join(dir, program)));
}

/** The Debian packages whose programs are missing, each named once. */
export function missingPackages(programs: SystemProgram[]): string[] {
  const missing = programs.filter(({ program }) => !hasProgram(program));
  return [...new Set(missing.map((p) => p.debianPackage))];
}

/**
 * Installs the missing packages with apt-get when this runs as root (saying so first); otherwise
 * prints the one command to run. Returns whether every program is there now.
 */
export function ensureSystemPackages(programs: SystemProgram[], purpose: string): boolean {
  const packages = missingPackages(programs);
  if (packages.length === 0) return true;
  const command = `apt-get install -y ${packages.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && hasProgram('apt-get');
  if (!canInstall) {
    console.error(
      `\n${purpose} needs ${packages.join(', ')}, which ${packages.length > 1 ? 'are' : 'is'} not installed. Run:\n\n` +
        `  sudo apt-get update && sudo ${command}\n\nthen run this command again.\n`,
    );
    return false;
  }
  console.log(
    `${purpose} needs ${packages.join(', ')}: installing with apt-get (running as root)…`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env })
      : update;
  if (install.status !== 0 || missingPackages(programs).length > 0) {
    console.error(`\nInstalling failed (see above). The command was: ${command}\n`);
    return false;
  }
  return true;
}
