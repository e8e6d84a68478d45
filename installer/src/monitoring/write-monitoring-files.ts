/**
 * Writes installer/monitoring/kiosk-fleet-dashboard.json from `kioskDashboard` (a unit test fails
 * when the file and the typed source disagree). Usage:
 * npx tsx installer/src/monitoring/write-monitoring-files.ts && npx prettier --write installer/monitoring
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kioskDashboard } from './kiosk-dashboard';

export const DASHBOARD_FILE = fileURLToPath(
  new URL('../../monitoring/kiosk-fleet-dashboard.json', import.meta.url),
);

export function dashboardJson(): string {
  return `${JSON.stringify(kioskDashboard, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(DASHBOARD_FILE, dashboardJson());
