import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { extname, join } from 'node:path';
import { MAX_BUNDLE_BYTES, SignedConfigError, type ConfigBundleApplier } from '../config-bundle';
import type { Logger } from '../log/logger';

/** Who the audit log and the applied-bundle history name for a bundle taken from the inbox. */
export const ROLLOUT_ACTOR = 'rollout';
export const APPLIED_FOLDER = 'applied';
export const REFUSED_FOLDER = 'refused';

/**
 * A file that is not yet a whole JSON text (a copy still under way) waits this long after its
 * last change before it is refused as malformed: a proper prefix of a JSON object never parses,
 * so a half-copied bundle is never refused for a bad signature.
 */
export const INCOMPLETE_SETTLE_MS = 10 * 60_000;

/** The audit log, as the API writes it (`ProtectedAuditRepository.record`). */
interface AuditLog {
  record(actor: string, action: string, subject?: string, detail?: string): unknown;
}

export interface ConfigInboxOptions {
  /** `configInboxDir`: the folder a technician or a management tool drops bundles into. */
  readonly dir: string;
  /** The same (metered) applier `config.apply` uses, so serial and refusals are counted. */
  readonly applier: Pick<ConfigBundleApplier, 'apply'>;
  readonly audit: AuditLog;
  readonly logger: Logger;
  /** Wall clock in ms, compared with file modification times. */
  readonly now?: () => number;
}

export interface InboxScan {
  /** Files seen but not acted on yet (still changing, or not yet seen twice). */
  readonly pending: number;
}

/** Identity and size of a file as one scan saw it: equal in two scans means it stopped changing. */
function fingerprintOf(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

function isWholeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The configuration inbox: each scan looks at the regular `*.json` files of the folder; one whose
 * size and modification time are the same as at the previous scan is applied through the
 * signed-configuration applier, then moved to `applied/`, or to `refused/` with a `.reason.txt`
 * beside it, so no file is tried twice. Names starting with a dot are ignored: operators copy to
 * `.name.json.part` and rename into place. Files are handled in name order.
 */
export class ConfigInbox {
  private previous = new Map<string, string>();
  /** Fingerprints already handled (or that could not be moved), never tried again. */
  private readonly done = new Set<string>();
  private readonly reportedWaiting = new Set<string>();
  private unreadable = false;
  private readonly now: () => number;

  constructor(private readonly options: ConfigInboxOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  scan(): InboxScan {
    const { dir, logger } = this.options;
    let names: string[];
    try {
      mkdirSync(join(dir, APPLIED_FOLDER), { recursive: true, mode: 0o750 });
      mkdirSync(join(dir, REFUSED_FOLDER), { recursive: true, mode: 0o750 });
      names = readdirSync(dir)
        .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
        .sort();
    } catch (error) {
      if (!this.unreadable)
        logger.error('rollout.inbox_unreadable', { code: (error as NodeJS.ErrnoException).code });
      this.unreadable = true;
      return { pending: 0 };
    }
    this.unreadable = false;
    const seen = new Map<string, string>();
    let pending = 0;
    for (const name of names) {
      let stats: Stats;
      try {
        stats = lstatSync(join(dir, name));
      } catch {
        continue; // moved away meanwhile
      }
      const fingerprint = fingerprintOf(stats);
      seen.set(name, fingerprint);
      if (this.done.has(fingerprint)) continue;
      if (!stats.isFile()) {
        this.refuse(name, fingerprint, 'ROLLOUT_NOT_A_FILE', 'only regular files are read');
        continue;
      }
      if (this.previous.get(name) !== fingerprint) {
        pending += 1;
        continue;
      }
      if (!this.handle(name, fingerprint, stats)) pending += 1;
    }
    this.previous = seen;
    return { pending };
  }

  /** Returns false while the file must wait (not yet a whole JSON text, changed meanwhile). */
  private handle(name: string, fingerprint: string, stats: Stats): boolean {
    const read = this.readBounded(join(this.options.dir, name), fingerprint);
    if (read === undefined) return false;
    const waitedMs = this.now() - stats.mtimeMs;
    if (read.length <= MAX_BUNDLE_BYTES && !isWholeJson(read) && waitedMs < INCOMPLETE_SETTLE_MS) {
      if (!this.reportedWaiting.has(fingerprint))
        this.options.logger.info('rollout.incomplete', { bytes: stats.size });
      this.reportedWaiting.add(fingerprint);
      return false;
    }
    this.apply(name, fingerprint, read);
    return true;
  }

  /**
   * At most one byte over the limit: an oversized file then reaches the applier, which refuses it
   * by its size (and so counts it) without the kiosk reading the whole of it. Opened without
   * following a link swapped in after the scan, and checked to be the file the scans saw.
   */
  private readBounded(file: string, fingerprint: string): string | undefined {
    let fd: number;
    try {
      fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile() || fingerprintOf(stats) !== fingerprint) return undefined;
      const buffer = Buffer.alloc(Math.min(stats.size, MAX_BUNDLE_BYTES + 1));
      let filled = 0;
      while (filled < buffer.length) {
        const got = readSync(fd, buffer, filled, buffer.length - filled, filled);
        if (got === 0) break;
        filled += got;
      }
      return buffer.subarray(0, filled).toString('utf8');
    } finally {
      closeSync(fd);
    }
  }

  private apply(name: string, fingerprint: string, text: string): void {
    const { applier, audit, logger } = this.options;
    const subject = `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
    try {
      const applied = applier.apply(text, ROLLOUT_ACTOR);
      audit.record(
        ROLLOUT_ACTOR,
        'config.apply',
        subject,
        `serial ${applied.serial}, key ${applied.keyId}, changed ${applied.changed.join(',') || 'nothing'}`,
      );
      logger.info('rollout.applied', { serial: applied.serial });
      this.move(name, fingerprint, APPLIED_FOLDER);
    } catch (error) {
      const known = error instanceof SignedConfigError;
      const code = known ? error.code : 'ROLLOUT_APPLY_FAILED';
      audit.record(
        ROLLOUT_ACTOR,
        'config.apply',
        subject,
        known ? `failed: BUNDLE_REFUSED ${code}` : `failed: ${code}`,
      );
      this.refuse(
        name,
        fingerprint,
        code,
        error instanceof Error ? error.message : 'the bundle could not be applied',
      );
    }
  }

  private refuse(name: string, fingerprint: string, code: string, message: string): void {
    this.options.logger.warn('rollout.refused', { reason: code });
    const moved = this.move(name, fingerprint, REFUSED_FOLDER);
    if (moved === undefined) return;
    try {
      writeFileSync(`${moved}.reason.txt`, `${code}: ${message}\n`, { mode: 0o640 });
    } catch (error) {
      this.options.logger.error('rollout.reason_unwritable', {
        code: (error as NodeJS.ErrnoException).code,
      });
    }
  }

  /** Moves the file aside under a name not yet taken there; returns where it went. */
  private move(name: string, fingerprint: string, folder: string): string | undefined {
    this.done.add(fingerprint);
    this.reportedWaiting.delete(fingerprint);
    const target = join(this.options.dir, folder);
    const stem = name.slice(0, name.length - extname(name).length);
    let destination = join(target, name);
    for (let n = 2; existsSync(destination) || existsSync(`${destination}.reason.txt`); n += 1)
      destination = join(target, `${stem}.${n}.json`);
    try {
      renameSync(join(this.options.dir, name), destination);
      return destination;
    } catch (error) {
      // Left in place but never tried again while it stays the same file.
      this.options.logger.error('rollout.move_failed', {
        code: (error as NodeJS.ErrnoException).code,
      });
      return undefined;
    }
  }
}
