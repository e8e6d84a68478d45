/**
 * mutation/scores.json: the latest score of each module, kept in git so the bench report (and
 * anyone reading an issue) sees the last measurement without running Stryker again. A run of one
 * module replaces that module's entry only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const SCORES_FILE = new URL('./scores.json', import.meta.url);

/** @returns {{ modules: Record<string, object> }} */
export function readScores(file = SCORES_FILE) {
  if (!existsSync(file)) return { modules: {} };
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * @param {string} module e.g. `kiosk-app/dossier-code`
 * @param {object} entry the score row plus when and on which commit it was measured
 */
export function recordScore(module, entry, file = SCORES_FILE) {
  const scores = readScores(file);
  const modules = { ...scores.modules, [module]: entry };
  const sorted = Object.fromEntries(Object.entries(modules).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify({ modules: sorted }, null, 2)}\n`);
}
