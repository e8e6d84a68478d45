import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

/**
 * Resolves a URL path inside the renderer's build folder; never outside it. Unknown paths fall
 * back to index.html (single-page app).
 */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<StaticFile | undefined> {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  const file = join(root, clean === '/' || clean === sep ? 'index.html' : clean);
  if (!file.startsWith(root)) return undefined;
  try {
    return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    if (extname(clean) !== '') return undefined;
    try {
      return {
        body: await readFile(join(root, 'index.html')),
        type: TYPES['.html'] ?? 'text/html',
      };
    } catch {
      return undefined;
    }
  }
}
