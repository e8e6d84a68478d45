/**
 * A parser for udev rules files (udev(7), "Rules files"), used to check the kiosk's device rules
 * in CI where no udev daemon and no devices exist (`udevadm test` needs a real device path, and
 * `udevadm verify` only arrived in systemd 253).
 *
 * Grammar handled: one rule per line, `\` line continuations, `#` comment lines, comma-separated
 * `KEY[{attribute}]OPERATOR"value"` pairs with operators == != = += -= :=.
 */

export const MATCH_OPERATORS = ['==', '!='] as const;
export const ASSIGN_OPERATORS = ['=', '+=', '-=', ':='] as const;
export type UdevOperator = (typeof MATCH_OPERATORS)[number] | (typeof ASSIGN_OPERATORS)[number];

/** Keys udev(7) accepts, and whether each takes an `{attribute}`. */
const KEYS: Readonly<
  Record<string, { attribute: 'required' | 'optional' | 'none'; match: boolean; assign: boolean }>
> = {
  ACTION: { attribute: 'none', match: true, assign: false },
  DEVPATH: { attribute: 'none', match: true, assign: false },
  KERNEL: { attribute: 'none', match: true, assign: false },
  KERNELS: { attribute: 'none', match: true, assign: false },
  SUBSYSTEM: { attribute: 'none', match: true, assign: false },
  SUBSYSTEMS: { attribute: 'none', match: true, assign: false },
  DRIVER: { attribute: 'none', match: true, assign: false },
  DRIVERS: { attribute: 'none', match: true, assign: false },
  ATTR: { attribute: 'required', match: true, assign: true },
  ATTRS: { attribute: 'required', match: true, assign: false },
  SYSCTL: { attribute: 'required', match: true, assign: true },
  ENV: { attribute: 'required', match: true, assign: true },
  CONST: { attribute: 'required', match: true, assign: false },
  TAG: { attribute: 'none', match: true, assign: true },
  TAGS: { attribute: 'none', match: true, assign: false },
  TEST: { attribute: 'optional', match: true, assign: false },
  PROGRAM: { attribute: 'none', match: true, assign: false },
  RESULT: { attribute: 'none', match: true, assign: false },
  NAME: { attribute: 'none', match: true, assign: true },
  SYMLINK: { attribute: 'none', match: true, assign: true },
  OWNER: { attribute: 'none', match: false, assign: true },
  GROUP: { attribute: 'none', match: false, assign: true },
  MODE: { attribute: 'none', match: false, assign: true },
  SECLABEL: { attribute: 'required', match: false, assign: true },
  RUN: { attribute: 'optional', match: false, assign: true },
  LABEL: { attribute: 'none', match: false, assign: true },
  GOTO: { attribute: 'none', match: false, assign: true },
  IMPORT: { attribute: 'required', match: true, assign: false },
  OPTIONS: { attribute: 'none', match: false, assign: true },
};

export interface UdevToken {
  key: string;
  attribute?: string;
  operator: UdevOperator;
  value: string;
}

export interface UdevRule {
  /** 1-based line number where the rule starts. */
  line: number;
  tokens: UdevToken[];
}

export class UdevRuleSyntaxError extends Error {
  readonly code = 'UDEV_RULE_SYNTAX';
  constructor(
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    super(`udev rule syntax error at line ${line}, column ${column}: ${detail}`);
    this.name = 'UdevRuleSyntaxError';
  }
}

const TOKEN = /^([A-Z_]+)(?:\{([^{}"]*)\})?(==|!=|\+=|-=|:=|=)"((?:[^"\\]|\\.)*)"/;

function parseRuleLine(text: string, line: number): UdevRule {
  const tokens: UdevToken[] = [];
  let rest = text;
  let column = 1;
  while (rest.length > 0) {
    const match = TOKEN.exec(rest);
    if (match === null)
      throw new UdevRuleSyntaxError(
        line,
        column,
        `cannot read a KEY=="value" pair at '${rest.slice(0, 20)}'`,
      );
    const [whole, key = '', attribute, operator = '', value = ''] = match;
    const spec = KEYS[key];
    if (spec === undefined) throw new UdevRuleSyntaxError(line, column, `unknown key '${key}'`);
    if (spec.attribute === 'required' && attribute === undefined) {
      throw new UdevRuleSyntaxError(line, column, `${key} needs an {attribute}`);
    }
    if (spec.attribute === 'none' && attribute !== undefined) {
      throw new UdevRuleSyntaxError(line, column, `${key} takes no {attribute}`);
    }
    const isMatch = (MATCH_OPERATORS as readonly string[]).includes(operator);
    if (isMatch ? !spec.match : !spec.assign) {
      throw new UdevRuleSyntaxError(line, column, `${key} cannot be used with '${operator}'`);
    }
    tokens.push({
      key,
      ...(attribute === undefined ? {} : { attribute }),
      operator: operator as UdevOperator,
      value,
    });
    rest = rest.slice(whole.length);
    column += whole.length;
    const separator = /^\s*,\s*|^\s+$/.exec(rest);
    if (rest.length > 0) {
      if (separator === null)
        throw new UdevRuleSyntaxError(line, column, 'expected "," between pairs');
      rest = rest.slice(separator[0].length);
      column += separator[0].length;
      if (separator[0].includes(',') && rest.length === 0) {
        throw new UdevRuleSyntaxError(line, column, 'trailing ","');
      }
    }
  }
  return { line, tokens };
}

/** Parses a whole rules file; throws UdevRuleSyntaxError at the first bad line. */
export function parseUdevRules(text: string): UdevRule[] {
  const rules: UdevRule[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const start = index + 1;
    let logical = lines[index] ?? '';
    while (logical.endsWith('\\') && index + 1 < lines.length) {
      index += 1;
      logical = `${logical.slice(0, -1)}${lines[index] ?? ''}`;
    }
    const trimmed = logical.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    rules.push(parseRuleLine(trimmed, start));
  }
  return rules;
}

/** Writes tokens back in udev syntax (for round-trip tests). */
export function formatUdevRule(tokens: readonly UdevToken[]): string {
  return tokens
    .map(
      (t) =>
        `${t.key}${t.attribute === undefined ? '' : `{${t.attribute}}`}${t.operator}"${t.value}"`,
    )
    .join(', ');
}

/** Values of every token with this key (and attribute) in a rule. */
export function valuesOf(rule: UdevRule, key: string, attribute?: string): string[] {
  return rule.tokens
    .filter((t) => t.key === key && (attribute === undefined || t.attribute === attribute))
    .map((t) => t.value);
}
