/**
 * Greedy word wrap: fills each line with whole words while `fits` says the line still fits, and
 * breaks a word only when it alone is too long (long URLs, dossier codes).
 */
export function wrapText(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let current = '';
  const pushLongWord = (word: string): string => {
    let rest = word;
    while (rest.length > 0 && !fits(rest)) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n))) n -= 1;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    return rest;
  };
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = pushLongWord(word);
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** Wrap to a fixed number of character cells (code page printing: one byte = one cell). */
export function wrapColumns(text: string, columns: number): string[] {
  return wrapText(text, (line) => [...line.normalize('NFC')].length <= columns);
}
