/**
 * The core's log. Lines are JSON with an event name and non-personal fields only; as a second
 * line of defence every line goes through `redact`, which masks anything that looks like an ID
 * number, an MRZ line or a phone number. The redaction test runs a whole journey and checks the
 * captured lines for the synthetic citizen's data.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const ID_NUMBER = /(?<!\d)\d{9}(?:\d{3})?(?!\d)/g;
const PHONE = /(?<![\d+])(?:\+?84|0)(?:[ .-]?\d){9}(?!\d)/g;
const MRZ_LINE = /[A-Z0-9<]{30,44}/g;

export function redact(line: string): string {
  return line.replace(MRZ_LINE, '[mrz]').replace(PHONE, '[phone]').replace(ID_NUMBER, '[id]');
}

/** One log line: JSON with the time, level and event first, then `redact`ed. */
export function formatLogLine(
  at: Date,
  level: LogLevel,
  event: string,
  fields: LogFields = {},
): string {
  return redact(JSON.stringify({ at: at.toISOString(), level, event, ...fields }));
}

export function createLogger(
  sink: (line: string) => void,
  now: () => Date = () => new Date(),
): Logger {
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    sink(formatLogLine(now(), level, event, fields));
  };
  return loggerOf(log);
}

/**
 * A logger that writes to `inner` and also hands the same event, formatted and redacted, to
 * `sink` (the core's ring buffer for the support export).
 */
export function teeLogger(
  inner: Logger,
  sink: (line: string) => void,
  now: () => Date = () => new Date(),
): Logger {
  return loggerOf((level, event, fields) => {
    inner.log(level, event, fields);
    sink(formatLogLine(now(), level, event, fields));
  });
}

function loggerOf(log: Logger['log']): Logger {
  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}

export const stderrLogger = (): Logger => createLogger((line) => process.stderr.write(`${line}\n`));
