import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboardExpressions, kioskDashboard } from './kiosk-dashboard';
import { DASHBOARD_FILE, dashboardJson } from './write-monitoring-files';

describe('the Grafana dashboard', () => {
  it('is the file installer/monitoring holds (the typed source, checked against @grafana/schema)', () => {
    expect(JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8'))).toEqual(JSON.parse(dashboardJson()));
  });

  it('has unique panel ids, panels inside the 24-column grid, and a kiosk drill-down variable', () => {
    const panels = kioskDashboard.panels ?? [];
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of panels) {
      const grid = p.gridPos;
      expect(grid && grid.x + grid.w <= 24, p.title).toBe(true);
    }
    expect(kioskDashboard.templating?.list?.map((v) => v.name)).toContain('kiosk');
    expect(dashboardExpressions().filter((e) => e.includes('$kiosk')).length).toBeGreaterThan(10);
  });
});
