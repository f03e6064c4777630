import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The compiled entry point the stdio and start-up tests spawn (built by `npm test`'s pretest step). */
export function builtMainPath(): string {
  const main = resolve(__dirname, '../../dist/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does it).`);
  return main;
}

/** The environment a spawned server gets: only what it needs, nothing inherited by accident. */
export function childEnv(vars: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...vars };
}
