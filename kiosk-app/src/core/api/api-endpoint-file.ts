import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Where the running core leaves its API address for the `kiosk` CLI on the same machine. */
export const API_ENDPOINT_FILE = 'api.json';

const endpointSchema = z.object({
  url: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+$/),
  token: z.string().min(1).max(200),
  pid: z.number().int().positive(),
});

export type ApiEndpoint = z.infer<typeof endpointSchema>;

/**
 * Writes `<dataDir>/api.json` with mode 0600: the token is as good as the kiosk's own session,
 * so only the kiosk's user may read it (a technician over SSH runs the CLI as that user, and
 * still needs a technician PIN for every command). Returns a function that removes the file if
 * it is still this core's (pid and token), so a core never deletes another core's endpoint.
 */
export function writeApiEndpointFile(
  dataDir: string,
  endpoint: { url: string; token: string },
): () => void {
  const file = join(dataDir, API_ENDPOINT_FILE);
  const body: ApiEndpoint = { url: endpoint.url, token: endpoint.token, pid: process.pid };
  writeFileSync(file, `${JSON.stringify(body)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its old mode with writeFileSync
  return () => {
    const current = readApiEndpointFile(dataDir);
    if (current?.pid === body.pid && current.token === body.token) rmSync(file, { force: true });
  };
}

/** Reads the endpoint file; undefined when there is none or it is not ours (bad shape). */
export function readApiEndpointFile(dataDir: string): ApiEndpoint | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dataDir, API_ENDPOINT_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = endpointSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
