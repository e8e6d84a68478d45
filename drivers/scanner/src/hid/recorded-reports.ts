import { readFileSync } from 'node:fs';

/** Reads a recorded report stream: one report per line as hex bytes, `#` comments. */
export function readRecordedReports(url: URL): Uint8Array[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'))
    .map((l) => Uint8Array.from(l.split(/\s+/).map((h) => Number.parseInt(h, 16))));
}
