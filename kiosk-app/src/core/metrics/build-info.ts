import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import appPackage from '../../../package.json';
import type { BuildInfo } from './kiosk-metrics';

const COMMIT = /^[0-9a-f]{40}$/;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The `.git` folder above `dir` (a worktree's `.git` file points to its own git folder). */
function gitDirAbove(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const dotGit = join(current, '.git');
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const pointer = /^gitdir: (.+)$/m.exec(readText(dotGit) ?? '')?.[1];
      return pointer ? resolve(current, pointer) : undefined;
    }
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The commit a source checkout runs (read from `.git`'s files, no `git` process), or `unknown`
 * where there is none (an installed package).
 */
export function checkoutCommit(fromDir: string): string {
  const gitDir = gitDirAbove(fromDir);
  if (!gitDir) return 'unknown';
  const head = readText(join(gitDir, 'HEAD')) ?? '';
  if (COMMIT.test(head)) return head;
  const ref = /^ref: (\S+)$/.exec(head)?.[1];
  if (!ref) return 'unknown';
  const common = readText(join(gitDir, 'commondir'));
  const dirs = [gitDir, ...(common ? [resolve(gitDir, common)] : [])];
  for (const dir of dirs) {
    const loose = readText(join(dir, ref));
    if (loose && COMMIT.test(loose)) return loose;
    const packed = readText(join(dir, 'packed-refs'))
      ?.split('\n')
      .find((line) => line.endsWith(` ${ref}`))
      ?.slice(0, 40);
    if (packed && COMMIT.test(packed)) return packed;
  }
  return 'unknown';
}

/** The version of the kiosk package and, in a source checkout, its commit. */
export function kioskBuildInfo(fromDir: string = process.cwd()): BuildInfo {
  return { version: appPackage.version, commit: checkoutCommit(fromDir) };
}
