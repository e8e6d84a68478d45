import { CardChannel } from '../apdu/card-channel';
import { isIdCardError } from '../errors';
import type { AccessKey } from '../keys/access-key';
import { parseDg1, type MrzData } from '../lds/dg1';
import { parseDg13, type Dg13Data } from '../lds/dg13';
import { parseDg2, type FaceImage } from '../lds/dg2';
import { LdsFileReader } from '../lds/file-reader';
import type { MaxFileSize } from '../lds/file-size-limits';
import { dataGroupFile, EF_SOD, type LdsFile } from '../lds/lds-files';
import {
  passiveAuthentication,
  type PassiveAuthenticationInput,
  type PassiveAuthenticationResult,
} from '../pa/passive-authentication';
import type { CardConnection } from '../transport/card-transport';
import { buildCardDocument, type CardDocument } from './card-document';
import { openChip, type AccessProtocol } from './access-control';

export type ReadProgress =
  | { readonly step: 'access'; readonly protocol?: 'PACE' | 'BAC' }
  | {
      readonly step: 'file';
      readonly file: string;
      readonly bytesRead: number;
      readonly totalBytes: number;
    }
  | { readonly step: 'identity'; readonly personalId: string }
  | { readonly step: 'verify' }
  | { readonly step: 'done' };

export interface ReadOptions {
  /** Tried in order until one opens the chip. */
  readonly keys: readonly AccessKey[];
  /** Data groups to read (default 1, 13, 2); EF.SOD is read whenever verification is on. */
  readonly dataGroups?: readonly number[];
  /** Passive authentication; `false` skips it (result `not-checked`). */
  readonly verify?: false | Pick<PassiveAuthenticationInput, 'cscaDir' | 'csca' | 'crls'>;
  readonly protocol?: AccessProtocol;
  /** Largest READ BINARY block; 223 reproduces JMRTD's default short reads. */
  readonly maxReadSize?: number;
  readonly useShortFileIds?: boolean;
  /** Largest file accepted per LDS file (bytes); default `defaultMaxFileSize` (DG2 300 KiB). */
  readonly maxFileSize?: MaxFileSize;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Called as soon as the 12-digit ID is known (after DG1 or DG13), before the face is read. */
  readonly onIdentityKnown?: (personalId: string) => void;
}

export interface ReadStats {
  readonly protocol: 'PACE' | 'BAC';
  readonly keyAttempts: number;
  readonly apdus: number;
  readonly bytes: number;
  readonly msByStep: Readonly<Record<string, number>>;
  readonly msToIdentity?: number;
  readonly totalMs: number;
}

export interface ReadResult {
  readonly document: CardDocument;
  readonly passiveAuthentication: PassiveAuthenticationResult;
  readonly stats: ReadStats;
  /** Raw data groups, for passive authentication by the caller or a chip dump in tests. */
  readonly rawDataGroups: ReadonlyMap<number, Uint8Array>;
}

/** Small groups that give the ID first, the signed hashes next, the big face image last. */
const READ_ORDER = [1, 13, 11, 12, 14, 15, 2, 3];

/**
 * Reads a CCCD over an open card connection: access control, the requested data groups,
 * EF.SOD and passive authentication, with progress and per-step timings.
 */
export async function readDocument(
  connection: CardConnection,
  options: ReadOptions,
): Promise<ReadResult> {
  const started = performance.now();
  const msByStep: Record<string, number> = {};
  const time = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      msByStep[step] = Math.round((performance.now() - t0) * 10) / 10;
    }
  };
  const plain = new CardChannel(connection);
  options.onProgress?.({ step: 'access' });
  const access = await time('access', () =>
    openChip(plain, options.keys, options.protocol ?? 'auto'),
  );
  options.onProgress?.({ step: 'access', protocol: access.protocol });

  const reader = new LdsFileReader(access.channel, {
    maxReadSize: options.maxReadSize,
    useShortFileIds: options.useShortFileIds,
    maxFileSize: options.maxFileSize,
    onBlock: (file: LdsFile, bytesRead, totalBytes) =>
      options.onProgress?.({ step: 'file', file: file.name, bytesRead, totalBytes }),
  });
  const wanted = new Set(options.dataGroups ?? [1, 13, 2]);
  const order = [
    ...READ_ORDER.filter((n) => wanted.has(n)),
    ...[...wanted].filter((n) => !READ_ORDER.includes(n)).sort((a, b) => a - b),
  ];
  const verify = options.verify !== false;
  const raw = new Map<number, Uint8Array>();
  let mrz: MrzData | undefined;
  let dg13: Dg13Data | undefined;
  let face: FaceImage | undefined;
  let sod: Uint8Array | undefined;
  let msToIdentity: number | undefined;
  const identityKnown = (id: string | undefined): void => {
    if (id === undefined || msToIdentity !== undefined || !/^\d{12}$/.test(id)) return;
    msToIdentity = Math.round((performance.now() - started) * 10) / 10;
    options.onProgress?.({ step: 'identity', personalId: id });
    options.onIdentityKnown?.(id);
  };

  const readSod = async (): Promise<void> => {
    sod = await time('EF.SOD', () => reader.readFile(EF_SOD));
  };
  for (const dg of order) {
    // EF.SOD goes before the face image so a slow DG2 never delays the signed hashes.
    if (dg === 2 && verify && !sod) await readSod();
    const file = dataGroupFile(dg);
    let bytes: Uint8Array;
    try {
      bytes = await time(file.name, () => reader.readFile(file));
    } catch (e) {
      // An optional group the card does not carry is skipped, anything else stops the read.
      if (isIdCardError(e, 'FILE_NOT_FOUND') && dg !== 1) continue;
      throw e;
    }
    raw.set(dg, bytes);
    if (dg === 1) {
      mrz = parseDg1(bytes);
      identityKnown(mrz.personalId);
    } else if (dg === 13) {
      dg13 = parseDg13(bytes);
      identityKnown(dg13.personalId);
    } else if (dg === 2) {
      face = parseDg2(bytes);
    }
  }
  if (verify && !sod) await readSod();

  let passive: PassiveAuthenticationResult = {
    status: 'not-checked',
    reason: 'verification was turned off',
  };
  if (verify && sod) {
    options.onProgress?.({ step: 'verify' });
    const sodBytes = sod;
    const v = options.verify === undefined ? {} : options.verify;
    passive = await time('verify', () =>
      passiveAuthentication({
        sod: sodBytes,
        dataGroups: raw,
        csca: v.csca,
        crls: v.crls,
        cscaDir: v.cscaDir,
      }),
    );
  }
  const stats = plain.stats;
  options.onProgress?.({ step: 'done' });
  return {
    document: buildCardDocument({ mrz, dg13, face, dataGroupsRead: [...raw.keys()] }),
    passiveAuthentication: passive,
    rawDataGroups: raw,
    stats: {
      protocol: access.protocol,
      keyAttempts: access.attempts,
      apdus: stats.apdus,
      bytes: stats.bytesSent + stats.bytesReceived,
      msByStep,
      msToIdentity,
      totalMs: Math.round((performance.now() - started) * 10) / 10,
    },
  };
}
