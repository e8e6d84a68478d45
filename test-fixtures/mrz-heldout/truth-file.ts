import { readFile } from 'node:fs/promises';

/** One image of an evaluation set and the MRZ printed on it (JSON lines, one entry a line). */
export interface TruthEntry {
  file: string;
  layout: string;
  lines: string[];
  meta?: Record<string, unknown>;
  note?: string;
}

export class TruthFileError extends Error {
  readonly code = 'TRUTH_FILE_INVALID';
  constructor(
    readonly path: string,
    readonly lineNumber: number,
    detail: string,
  ) {
    super(`${path}:${lineNumber}: ${detail}`);
  }
}

const MRZ_LINE = /^[A-Z0-9<]{30,44}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one parsed line; returns why it is not a truth entry, or the entry. */
export function toTruthEntry(value: unknown): TruthEntry | string {
  if (!isRecord(value)) return 'not an object';
  const { file, layout, lines, meta, note } = value;
  if (typeof file !== 'string' || file.length === 0 || file.includes('/')) {
    return 'file must be a bare file name';
  }
  if (typeof layout !== 'string') return 'layout must be a string';
  if (!Array.isArray(lines) || lines.length < 2 || lines.length > 3) return 'lines must be 2 or 3';
  const mrz: string[] = [];
  for (const line of lines) {
    if (typeof line !== 'string' || !MRZ_LINE.test(line)) return `not an MRZ line: ${String(line)}`;
    mrz.push(line);
  }
  if (mrz.some((l) => l.length !== mrz[0]!.length)) return 'lines differ in length';
  const entry: TruthEntry = { file, layout, lines: mrz };
  if (meta !== undefined) {
    if (!isRecord(meta)) return 'meta must be an object';
    entry.meta = meta;
  }
  if (note !== undefined) {
    if (typeof note !== 'string') return 'note must be a string';
    entry.note = note;
  }
  return entry;
}

export function parseTruthFile(text: string, path: string): TruthEntry[] {
  const entries: TruthEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new TruthFileError(path, index + 1, 'not JSON');
    }
    const entry = toTruthEntry(parsed);
    if (typeof entry === 'string') throw new TruthFileError(path, index + 1, entry);
    entries.push(entry);
  });
  return entries;
}

export async function readTruthFile(path: string): Promise<TruthEntry[]> {
  return parseTruthFile(await readFile(path, 'utf8'), path);
}
