/**
 * Parses one procedure file's text into a {@link Procedure}: JSON syntax, NFC normalisation of
 * every string, then the schema. No file system here, so the renderer can use it too.
 */
import type { z } from 'zod';
import { procedureSchema, UNKNOWN_BINDING } from './procedure-schema';
import type { Procedure } from './procedure-types';
import { deepNfc } from './text';

export type CatalogueErrorCode =
  'FILE_UNREADABLE' | 'JSON_SYNTAX' | 'SCHEMA' | 'UNKNOWN_BINDING' | 'DUPLICATE_CODE';

export interface CatalogueError {
  /** The file name, e.g. `dang-ky-thuong-tru.json`. */
  readonly file: string;
  /** Where in the file, e.g. `form.sections[1].fields[3].binding`; empty for the whole file. */
  readonly path: string;
  /** The id of the form field the problem is in, when there is one. */
  readonly fieldId?: string;
  readonly code: CatalogueErrorCode;
  /** One line naming file, path, field and problem. */
  readonly message: string;
}

export interface ParsedProcedure {
  readonly procedure?: Procedure;
  readonly errors: readonly CatalogueError[];
}

export function parseProcedure(text: string, file: string): ParsedProcedure {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      errors: [
        { file, path: '', code: 'JSON_SYNTAX', message: `${file}: not valid JSON (${detail})` },
      ],
    };
  }
  return parseProcedureJson(json, file);
}

export function parseProcedureJson(json: unknown, file: string): ParsedProcedure {
  const normalised = deepNfc(json);
  const result = procedureSchema.safeParse(normalised);
  if (result.success) return { procedure: result.data, errors: [] };
  return { errors: result.error.issues.map((issue) => toCatalogueError(issue, normalised, file)) };
}

function toCatalogueError(issue: z.core.$ZodIssue, json: unknown, file: string): CatalogueError {
  const path = formatPath(issue.path);
  const fieldId = fieldIdAt(json, issue.path);
  const params =
    issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
  const code = params?.catalogueCode === UNKNOWN_BINDING ? 'UNKNOWN_BINDING' : 'SCHEMA';
  const where = [path || '(file)', fieldId ? `(field "${fieldId}")` : ''].filter(Boolean).join(' ');
  return {
    file,
    path,
    ...(fieldId ? { fieldId } : {}),
    code,
    message: `${file}: ${where}: ${issue.message}`,
  };
}

/** `['form', 'sections', 1, 'fields', 3, 'binding']` → `form.sections[1].fields[3].binding`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((step, index) =>
      typeof step === 'number' ? `[${step}]` : `${index === 0 ? '' : '.'}${String(step)}`,
    )
    .join('');
}

/** The id of the innermost form field on the issue's path, read from the raw JSON. */
function fieldIdAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = json;
  let found: string | undefined;
  for (let index = 0; index < path.length; index += 1) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<PropertyKey, unknown>)[path[index] as PropertyKey];
    const parent = path[index - 1];
    if (parent === 'fields' && typeof node === 'object' && node !== null) {
      const id = (node as { id?: unknown }).id;
      if (typeof id === 'string') found = id;
    }
  }
  return found;
}
