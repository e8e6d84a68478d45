/**
 * mutation/scores.json: the latest score of each module, kept in git so the bench report (and
 * anyone reading an issue) sees the last measurement without running Stryker again. A run of one
 * module replaces that module's entry only. The file is written as Prettier formats it, so a
 * measurement can be committed as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

export const SCORES_FILE = new URL('./scores.json', import.meta.url);

/** @returns {{ modules: Record<string, object> }} */
export function readScores(file = SCORES_FILE) {
  if (!existsSync(file)) return { modules: {} };
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * @param {string} module e.g. `kiosk-app/dossier-code`
 * @param {object} entry the score row plus when and on which commit it was measured
 * @param {URL | string} file
 */
export async function recordScore(module, entry, file = SCORES_FILE) {
  const scores = readScores(file);
  const modules = { ...scores.modules, [module]: entry };
  const sorted = Object.fromEntries(Object.entries(modules).sort(([a], [b]) => a.localeCompare(b)));
  const path = file instanceof URL ? fileURLToPath(file) : file;
  const options = (await prettier.resolveConfig(path)) ?? {};
  const text = await prettier.format(JSON.stringify({ modules: sorted }), {
    ...options,
    filepath: path,
  });
  writeFileSync(file, text);
}
