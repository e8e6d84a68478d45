/** Writes either one JSON document (`--json`) or human-readable lines. */
export interface Output {
  json(value: unknown): void;
  line(text: string): void;
}

export const stdoutOutput: Output = {
  json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  line: (text) => process.stdout.write(`${text}\n`),
};
