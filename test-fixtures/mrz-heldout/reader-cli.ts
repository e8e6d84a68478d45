import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The reader under test, through its public command line only:
 * `kiosk mrz ocr IMAGE... --json` (drivers/mrz/README.md). Nothing of the reader's own
 * code is imported, so this checker cannot be tuned along with it.
 */
export const KIOSK_CLI = resolve(import.meta.dirname, '../../kiosk-app/bin/kiosk.mjs');

/** What the CLI said about one image. */
export type CliReading =
  | { kind: 'read'; lines: string[]; ms: number | undefined }
  | { kind: 'refused'; code: string; ms: number | undefined }
  | { kind: 'no-answer'; detail: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toReading(item: Record<string, unknown>): CliReading {
  const ms = typeof item.ms === 'number' ? item.ms : undefined;
  if (item.ok === true) {
    const doc = item.document;
    const lines = isRecord(doc) ? doc.lines : undefined;
    if (Array.isArray(lines) && lines.every((l): l is string => typeof l === 'string')) {
      return { kind: 'read', lines, ms };
    }
    return { kind: 'no-answer', detail: 'ok without document.lines' };
  }
  const error = item.error;
  const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'UNKNOWN';
  return { kind: 'refused', code, ms };
}

/** Maps the CLI's JSON answer to one reading per image path, in the order asked. */
export function parseCliAnswer(stdout: string, images: string[]): CliReading[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return images.map(() => ({ kind: 'no-answer', detail: 'stdout is not JSON' }));
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const byImage = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    if (isRecord(item) && typeof item.image === 'string') byImage.set(resolve(item.image), item);
  }
  return images.map((image) => {
    const item = byImage.get(resolve(image));
    return item ? toReading(item) : { kind: 'no-answer', detail: 'image missing from the answer' };
  });
}

export interface CliRun {
  readings: CliReading[];
  wallMs: number;
}

/** Runs one CLI process over a batch of images (the CLI exits 1 when any image is refused). */
export function readWithCli(images: string[], timeoutMs: number): Promise<CliRun> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [KIOSK_CLI, 'mrz', 'ocr', ...images, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (signal !== null) {
        const detail = `killed by ${signal} after ${Math.round(wallMs)} ms`;
        done({ readings: images.map(() => ({ kind: 'no-answer', detail })), wallMs });
        return;
      }
      const readings = parseCliAnswer(stdout, images).map((r) =>
        r.kind === 'no-answer'
          ? { ...r, detail: `${r.detail} (exit ${code}: ${stderr.trim().slice(0, 200)})` }
          : r,
      );
      done({ readings, wallMs });
    });
  });
}
