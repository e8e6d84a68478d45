import { describe, expect, it } from 'vitest';
import { macrosIn, renderDebScript } from './deb-script-macros';

describe('deb script macros', () => {
  const script =
    "A='${executable}'\nB=\"${KIOSK_USER}\"\nC=${1:-configure}\nD='/opt/${sanitizedProductName}'\n";

  it('finds only the ${letters} forms electron-builder substitutes', () => {
    expect(macrosIn(script)).toEqual(['executable', 'sanitizedProductName']);
  });

  it('renders like electron-builder and rejects unknown macros', () => {
    expect(
      renderDebScript(script, { executable: 'cccd-kiosk', sanitizedProductName: 'cccd-kiosk' }),
    ).toBe("A='cccd-kiosk'\nB=\"${KIOSK_USER}\"\nC=${1:-configure}\nD='/opt/cccd-kiosk'\n");
    expect(() => renderDebScript('echo ${HOME}', {})).toThrow('Macro HOME is not defined');
  });
});
