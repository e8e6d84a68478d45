/**
 * Event names escape the compile-time conformance check (electron-api.conformance.ts): Electron's
 * classes extend Node's EventEmitter, whose catch-all `on(eventName: string | symbol, ...)` accepts
 * any name. So this test reads Electron's own type declarations and checks that every event the
 * shell listens to is declared on the class the shell listens on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const declarations = readFileSync(require.resolve('electron/electron.d.ts'), 'utf8');

/** The text of `class Name` / `interface Name` up to the next top-level declaration. */
function declarationOf(kind: 'class' | 'interface', name: string): string {
  const start = declarations.search(new RegExp(`\\n  ${kind} ${name}( extends [^{]+)? \\{`));
  if (start < 0) throw new Error(`${kind} ${name} not found in electron.d.ts`);
  const end = declarations.slice(start + 1).search(/\n {2}(class|interface) /);
  return declarations.slice(start, end < 0 ? undefined : start + 1 + end);
}

const USED_EVENTS: Array<[kind: 'class' | 'interface', name: string, events: string[]]> = [
  [
    'class',
    'WebContents',
    [
      'will-navigate',
      'will-redirect',
      'will-attach-webview',
      'before-input-event',
      'render-process-gone',
      'devtools-opened',
    ],
  ],
  ['class', 'BrowserWindow', ['unresponsive', 'responsive', 'ready-to-show']],
  ['class', 'Session', ['will-download']],
  ['interface', 'App', ['second-instance', 'window-all-closed', 'web-contents-created']],
  ['class', 'UtilityProcess', ['message', 'exit', 'spawn']],
];

describe('events the shell listens to exist in Electron 45', () => {
  it.each(USED_EVENTS)('%s %s', (kind, name, events) => {
    const text = declarationOf(kind, name);
    for (const event of events)
      expect(text, `${name} '${event}'`).toContain(`on(event: '${event}'`);
  });

  it('would notice a misspelt event', () => {
    expect(declarationOf('class', 'WebContents')).not.toContain("on(event: 'will-navigatex'");
  });
});
