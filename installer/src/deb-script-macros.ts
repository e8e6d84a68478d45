/**
 * electron-builder runs the deb afterInstall/afterRemove scripts through a template step before
 * handing them to fpm: every `${name}` whose name is letters only is replaced by a macro value,
 * and an unknown name aborts the build ("Macro X is not defined"). Shell code therefore must not
 * use `${letters}`; `$VAR`, `${VAR_WITH_UNDERSCORE}` and `${1:-x}` pass through untouched.
 * This module finds the macros a script uses and renders it as the package will contain it.
 */

/** The macros electron-builder defines for Linux maintainer scripts (FpmTarget, v26). */
export const DEB_SCRIPT_MACROS = ['executable', 'sanitizedProductName', 'productFilename'] as const;

const MACRO = /\$\{([a-zA-Z]+)\}/g;

export function macrosIn(script: string): string[] {
  return [...new Set([...script.matchAll(MACRO)].map((match) => match[1] ?? ''))].sort();
}

/** Renders a script as electron-builder would; throws on a macro it would reject. */
export function renderDebScript(script: string, values: Record<string, string>): string {
  return script.replace(MACRO, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Macro ${name} is not defined`);
    return value;
  });
}
