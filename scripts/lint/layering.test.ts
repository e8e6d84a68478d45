/**
 * The layering rules in eslint.config.js (issue 22): each zone's wrong-way import fails the lint
 * and its right-way import passes. The fixtures are source text linted under a path in the zone,
 * so no file in the repository breaks the rule.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The `no-restricted-imports` findings for `source` linted as the file at `path`. */
async function restricted(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}/${path}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

const WRONG_WAY: readonly (readonly [zone: string, path: string, source: string])[] = [
  ['driver → app', 'drivers/printer/src/x.ts', "import { ApiSession } from '@kiosk/app';"],
  [
    'driver → app by path',
    'drivers/mrz/src/x.ts',
    "import { startKioskCore } from '../../../kiosk-app/src/core/kiosk-core';",
  ],
  ['driver → forms', 'drivers/id-card/src/x.ts', "import type { FieldValue } from '@kiosk/forms';"],
  ['forms → driver', 'forms/src/x.ts', "import { createCardService } from '@kiosk/id-card';"],
  [
    'forms → driver by path',
    'forms/src/x.ts',
    "import { x } from '../../drivers/device/src/index';",
  ],
  [
    'renderer → core',
    'kiosk-app/src/renderer/screens/X.tsx',
    "import { ApiSession } from '../../core/api/api-session';",
  ],
  [
    'renderer → driver',
    'kiosk-app/src/renderer/screens/X.tsx',
    "import { classifyQr } from '@kiosk/id-card/qr';",
  ],
  [
    'renderer → forms catalogue loader',
    'kiosk-app/src/renderer/screens/X.tsx',
    "import { loadCatalogue } from '@kiosk/forms';",
  ],
  ['protocol → app', 'protocol/src/x.ts', "import { ApiSession } from '@kiosk/app';"],
];

const RIGHT_WAY: readonly (readonly [zone: string, path: string, source: string])[] = [
  ['driver → driver', 'drivers/printer/src/x.ts', "import { x } from '@kiosk/device';"],
  ['forms → npm', 'forms/src/x.ts', "import { z } from 'zod';"],
  [
    'renderer → protocol',
    'kiosk-app/src/renderer/screens/X.tsx',
    "import type { JourneyView } from '@kiosk/protocol';",
  ],
  [
    'renderer → browser form model',
    'kiosk-app/src/renderer/screens/X.tsx',
    "import { normaliseForSearch } from '@kiosk/forms/browser';",
  ],
  [
    'renderer → its own UI code',
    'kiosk-app/src/renderer/screens/X.tsx',
    "import { useClient } from '../api/client-context';",
  ],
  ['core → driver', 'kiosk-app/src/core/x.ts', "import { x } from '@kiosk/id-card';"],
];

describe('import layering', () => {
  it.each(WRONG_WAY)('fails a wrong-way import: %s', async (_zone, path, source) => {
    expect(await restricted(path, `${source}\nexport {};\n`)).toHaveLength(1);
  });

  it.each(RIGHT_WAY)('passes a right-way import: %s', async (_zone, path, source) => {
    expect(await restricted(path, `${source}\nexport {};\n`)).toEqual([]);
  });
});
