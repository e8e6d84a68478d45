#!/usr/bin/env node
/**
 * `npm test`: the whole suite (unit, integration, faults, end-to-end, installed). Builds the
 * renderer and the Electron bundles (`npm run build`; the `installed` project runs
 * dist/electron/core.cjs), makes sure the system services the integration tests talk to are up
 * (pcscd with vpcd), then runs vitest over every project.
 * Needs the Debian packages listed in README.md; `.ci/run` installs them on a fresh machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args, options = {}) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  return result.status ?? 1;
};

const missing = [
  '/usr/bin/chromium',
  '/usr/bin/socat',
  '/usr/sbin/pcscd',
  '/usr/bin/prometheus',
  '/usr/bin/promtool',
].filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.error(`npm test needs system packages that are missing (${missing.join(', ')}).`);
  console.error('Install them with: sudo bash .ci/install-system-packages.sh');
  process.exit(1);
}

if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);
if (existsSync('scripts/services/pcscd.sh') && run('bash', ['scripts/services/pcscd.sh']) !== 0) {
  console.error(
    'pcscd could not be started (root is needed the first time); see scripts/services/pcscd.sh',
  );
  process.exit(1);
}
process.exit(run('npx', ['vitest', 'run', ...process.argv.slice(2)]));
