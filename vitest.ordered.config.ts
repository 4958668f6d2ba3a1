import { relative } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.ts';

/**
 * The suite's config, but the files run in the order they are named on the command line
 * (vitest otherwise orders them by its cache: failed and slow first). With one worker and
 * shared modules it tells whether a file leaves something in its process that breaks a later
 * one: `npx vitest run -c vitest.ordered.config.ts --maxWorkers 1 A.test.ts B.test.ts`
 * runs A, then B in the same process. A named folder keeps its place for all its files.
 */
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));

class CommandLineOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const place = (file: TestSpecification) => {
      const path = relative(process.cwd(), file.moduleId);
      const index = named.findIndex((arg) => path === arg || path.startsWith(`${arg}/`));
      return index < 0 ? named.length : index;
    };
    return [...files].sort((a, b) => place(a) - place(b));
  }
}

export default mergeConfig(
  base,
  defineConfig({ test: { sequence: { sequencer: CommandLineOrder } } }),
);
