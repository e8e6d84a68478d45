import type { CharClass, MrzLayout } from './layouts';
import { cccdClassOverrides, isCccdTd1 } from './vietnam-cccd';

/**
 * The character class of every position of an MRZ: the ICAO layout, narrowed by the issuing
 * state's profile where one is known (today only the Vietnamese CCCD).
 */
export function positionClasses(layout: MrzLayout, lines: readonly string[]): CharClass[][] {
  const classes: CharClass[][] = Array.from({ length: layout.lineCount }, () =>
    Array.from<CharClass>({ length: layout.lineLength }).fill('alnum'),
  );
  const apply = (line: number, start: number, end: number, charClass: CharClass): void => {
    const row = classes[line];
    if (!row) return;
    for (let i = start; i < end; i++) row[i] = charClass;
  };
  for (const field of layout.fields) apply(field.line, field.start, field.end, field.charClass);
  if (layout.format === 'TD1' && isCccdTd1(lines)) {
    for (const o of cccdClassOverrides()) apply(o.line, o.start, o.end, o.charClass);
  }
  return classes;
}
