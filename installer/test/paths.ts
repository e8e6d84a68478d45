import path from 'node:path';

export const installerDir = path.resolve(import.meta.dirname, '..');
export const repoRoot = path.resolve(installerDir, '..');
export const linuxDir = path.join(installerDir, 'linux');
