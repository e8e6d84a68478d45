import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm run build` puts the renderer (kiosk-app/dist/renderer). The bundled `kiosk` command
 * sets KIOSK_RENDERER_DIR, since its own location is not the sources'.
 */
export const RENDERER_DIR =
  process.env.KIOSK_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export function rendererBuilt(dir: string = RENDERER_DIR): boolean {
  return existsSync(`${dir}/index.html`);
}
