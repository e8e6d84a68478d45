/**
 * Loads the procedure catalogue: one JSON file per procedure. A file that is not valid JSON or
 * does not pass the schema is reported with its name, the path of the offending key and the
 * problem; the other files still load, so the kiosk keeps serving them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProcedure } from './procedure-parse';
import type { CatalogueError } from './procedure-parse';
import type { Procedure } from './procedure-types';

/** forms/procedures, or `KIOSK_PROCEDURES_DIR` where the code runs from a bundle. */
export const DEFAULT_PROCEDURES_DIR =
  process.env.KIOSK_PROCEDURES_DIR ?? fileURLToPath(new URL('../procedures', import.meta.url));

export interface Catalogue {
  /** Valid procedures, most used first. */
  readonly procedures: readonly Procedure[];
  readonly errors: readonly CatalogueError[];
}

export function loadCatalogue(dir: string = DEFAULT_PROCEDURES_DIR): Catalogue {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    return {
      procedures: [],
      errors: [
        {
          file: dir,
          path: '',
          code: 'FILE_UNREADABLE',
          message: `${dir}: cannot read the procedures folder (${describe(error)})`,
        },
      ],
    };
  }
  const procedures: Procedure[] = [];
  const errors: CatalogueError[] = [];
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      errors.push({
        file: name,
        path: '',
        code: 'FILE_UNREADABLE',
        message: `${name}: cannot read the file (${describe(error)})`,
      });
      continue;
    }
    const result = parseProcedure(text, name);
    errors.push(...result.errors);
    if (!result.procedure) continue;
    const clash = procedures.find((known) => known.code === result.procedure?.code);
    if (clash) {
      errors.push({
        file: name,
        path: 'code',
        code: 'DUPLICATE_CODE',
        message: `${name}: code: procedure ${clash.code} is already defined by another file`,
      });
      continue;
    }
    procedures.push(result.procedure);
  }
  procedures.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  return { procedures, errors };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
