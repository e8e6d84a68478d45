import type { CliReading } from './reader-cli';
import type { TruthEntry } from './truth-file';

/**
 * exact: every MRZ line as printed. wrong-but-accepted: the reader returned a valid MRZ that is
 * not the printed one (the failure that matters: a wrong chip key or a wrong person).
 * refused: the reader said it could not read. no-answer: the CLI crashed or timed out.
 */
export type Outcome = 'exact' | 'wrong-but-accepted' | 'refused' | 'no-answer';

export interface ImageResult {
  file: string;
  layout: string;
  outcome: Outcome;
  /** In-process time the CLI reports for the image. */
  ms: number | undefined;
  /** This image's share of its CLI process's wall time (process start included). */
  wallMs: number;
  refusal?: string;
  got?: string[];
  expected: string[];
  meta?: Record<string, unknown>;
}

export function classify(truth: TruthEntry, reading: CliReading): Outcome {
  if (reading.kind === 'no-answer') return 'no-answer';
  if (reading.kind === 'refused') return 'refused';
  const same =
    reading.lines.length === truth.lines.length &&
    reading.lines.every((line, i) => line === truth.lines[i]);
  return same ? 'exact' : 'wrong-but-accepted';
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Counts {
  images: number;
  exact: number;
  refused: number;
  wrongButAccepted: number;
  noAnswer: number;
  exactPct: number;
}

function count(results: ImageResult[]): Counts {
  const n = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const exact = n('exact');
  return {
    images: results.length,
    exact,
    refused: n('refused'),
    wrongButAccepted: n('wrong-but-accepted'),
    noAnswer: n('no-answer'),
    exactPct: results.length ? Math.round((1000 * exact) / results.length) / 10 : 0,
  };
}

function groupBy(results: ImageResult[], key: (r: ImageResult) => string | undefined) {
  const groups: Record<string, Counts> = {};
  const keys = [...new Set(results.map(key).filter((k): k is string => k !== undefined))].sort();
  for (const k of keys) groups[k] = count(results.filter((r) => key(r) === k));
  return groups;
}

export function summarize(set: string, results: ImageResult[]) {
  const refusals: Record<string, number> = {};
  for (const r of results) {
    if (r.refusal) refusals[r.refusal] = (refusals[r.refusal] ?? 0) + 1;
  }
  const ms = results.map((r) => r.ms).filter((v): v is number => v !== undefined);
  return {
    set,
    ...count(results),
    medianMsPerImage: median(ms),
    medianWallMsPerImage: median(results.map((r) => Math.round(r.wallMs))),
    refusals,
    byLayout: groupBy(results, (r) => r.layout),
    byFont: groupBy(results, (r) => (typeof r.meta?.font === 'string' ? r.meta.font : undefined)),
    wrongReadings: results
      .filter((r) => r.outcome === 'wrong-but-accepted')
      .map((r) => ({ file: r.file, expected: r.expected, got: r.got })),
    refusedImages: results
      .filter((r) => r.outcome === 'refused' || r.outcome === 'no-answer')
      .map((r) => ({ file: r.file, code: r.refusal ?? r.outcome })),
  };
}
