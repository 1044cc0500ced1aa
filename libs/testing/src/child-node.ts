import { resolve } from 'node:path';

// The built file, as the entries tests start are: under jest this module itself runs from source.
const EXIT_WITH_PARENT = resolve('dist/libs/testing/src/exit-with-parent.js');

/** Node's arguments to run `entry` as a test's child process: one that ends when the test run does. */
export function childNodeArgs(entry: string, ...args: string[]): string[] {
  return ['--import', EXIT_WITH_PARENT, entry, ...args];
}
