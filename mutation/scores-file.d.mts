/** Types of `scores-file.mjs` (plain JavaScript, run by `scripts/mutate.mjs` without a build). */
export declare const SCORES_FILE: URL;
export declare function readScores(file?: URL | string): { modules: Record<string, object> };
export declare function recordScore(
  module: string,
  entry: object,
  file?: URL | string,
): Promise<void>;
