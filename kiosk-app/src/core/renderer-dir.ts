import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the renderer (kiosk-app/dist/renderer). */
export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export function rendererBuilt(dir: string = RENDERER_DIR): boolean {
  return existsSync(`${dir}/index.html`);
}
