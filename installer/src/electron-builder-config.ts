/**
 * A typed loader for electron-builder.yml: the keys this project uses, with the values the kiosk
 * requires where a wrong value would weaken it (fuses, asar, native rebuild, targets).
 *
 * Why not electron-builder's own validation: it runs inside `electron-builder` and needs the
 * Electron binary to get that far, which cannot be downloaded in CI. Objects are `strict`, so a
 * misspelt key fails here instead of being silently ignored at package time.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const FilePattern = z.string().min(1);
/** fpm `source=destination` pair (electron-builder passes `deb.fpm` to fpm verbatim). */
export const FpmMapping = z
  .string()
  .regex(/^[^=\s]+=\/[^=\s]+$/, 'expected source=/absolute/destination');

const TargetName = z.enum(['deb', 'AppImage', 'nsis', 'rpm', 'tar.gz', 'zip', 'dir']);
const TargetEntry = z.union([
  TargetName,
  z
    .object({ target: TargetName, arch: z.array(z.enum(['x64', 'arm64', 'ia32'])).optional() })
    .strict(),
]);

export const ElectronFuses = z
  .object({
    runAsNode: z.literal(false),
    enableCookieEncryption: z.literal(true),
    enableNodeOptionsEnvironmentVariable: z.literal(false),
    enableNodeCliInspectArguments: z.literal(false),
    enableEmbeddedAsarIntegrityValidation: z.literal(true),
    onlyLoadAppFromAsar: z.literal(true),
    loadBrowserProcessSpecificV8Snapshot: z.boolean(),
    grantFileProtocolExtraPrivileges: z.literal(false),
  })
  .strict();

export const ElectronBuilderConfig = z
  .object({
    appId: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/),
    productName: z.string().regex(/^[a-z0-9-]+$/, 'used in /opt/<productName>: keep it path-safe'),
    copyright: z.string().optional(),
    directories: z
      .object({ app: z.string(), output: z.string(), buildResources: z.string().optional() })
      .strict(),
    files: z.array(FilePattern).min(1),
    asar: z.literal(true),
    asarUnpack: z.array(FilePattern),
    npmRebuild: z.literal(true),
    buildDependenciesFromSource: z.literal(true),
    nodeGypRebuild: z.boolean(),
    extraMetadata: z
      .object({
        main: z.string(),
        description: z.string().min(1),
        homepage: z.url(),
        author: z.object({ name: z.string(), email: z.email() }).strict(),
      })
      .strict(),
    extraResources: z.array(
      z.object({ from: z.string(), to: z.string(), filter: z.array(FilePattern) }).strict(),
    ),
    electronFuses: ElectronFuses,
    linux: z
      .object({
        target: z.array(TargetEntry).min(1),
        executableName: z.string().regex(/^[a-z0-9-]+$/),
        category: z.string(),
        maintainer: z.string().regex(/<[^>]+@[^>]+>/),
        synopsis: z.string(),
        description: z.string(),
        desktop: z
          .object({ entry: z.record(z.string(), z.string()) })
          .strict()
          .optional(),
      })
      .strict(),
    deb: z
      .object({
        priority: z.enum(['required', 'important', 'standard', 'optional', 'extra']),
        depends: z.array(z.string()),
        recommends: z.array(z.string()).optional(),
        afterInstall: z.string(),
        afterRemove: z.string(),
        fpm: z.array(FpmMapping),
      })
      .strict(),
    appImage: z.object({ artifactName: z.string() }).strict().optional(),
    win: z.object({ target: z.array(TargetEntry).min(1), executableName: z.string() }).strict(),
    nsis: z
      .object({
        oneClick: z.boolean(),
        perMachine: z.boolean(),
        allowElevation: z.boolean(),
        allowToChangeInstallationDirectory: z.boolean(),
        createDesktopShortcut: z.boolean(),
        createStartMenuShortcut: z.boolean(),
        shortcutName: z.string(),
        deleteAppDataOnUninstall: z.literal(false),
      })
      .strict(),
    publish: z.null(),
  })
  .strict();

export type ElectronBuilderConfig = z.infer<typeof ElectronBuilderConfig>;

export class ElectronBuilderConfigError extends Error {
  readonly code = 'BUILDER_CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`${file} is not a valid kiosk packaging configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ElectronBuilderConfigError';
  }
}

/** Parses and validates YAML text; throws ElectronBuilderConfigError listing every problem. */
export function parseElectronBuilderConfig(
  text: string,
  file = 'electron-builder.yml',
): ElectronBuilderConfig {
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true, strict: true });
  } catch (error) {
    throw new ElectronBuilderConfigError(file, [
      error instanceof Error ? error.message : String(error),
    ]);
  }
  const result = ElectronBuilderConfig.safeParse(raw);
  if (!result.success) {
    throw new ElectronBuilderConfigError(
      file,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

export function loadElectronBuilderConfig(file: string): ElectronBuilderConfig {
  return parseElectronBuilderConfig(readFileSync(file, 'utf8'), file);
}

/** The `source` halves of the fpm mappings (files that must exist in the repository). */
export function fpmSources(
  config: ElectronBuilderConfig,
): Array<{ source: string; destination: string }> {
  return config.deb.fpm.map((mapping) => {
    const [source = '', destination = ''] = mapping.split('=');
    return { source, destination };
  });
}
