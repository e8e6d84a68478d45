import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ElectronBuilderConfigError,
  fpmSources,
  loadElectronBuilderConfig,
  parseElectronBuilderConfig,
} from '../src/electron-builder-config';
import { repoRoot } from './paths';

const configFile = path.join(repoRoot, 'electron-builder.yml');

describe('electron-builder.yml', () => {
  const config = loadElectronBuilderConfig(configFile);

  it('validates against the typed loader', () => {
    expect(config.appId).toMatch(/\./);
  });

  it('builds deb (main) and AppImage for Linux, nsis for Windows', () => {
    expect(config.linux.target[0]).toBe('deb');
    expect(config.linux.target).toContain('AppImage');
    expect(config.win.target.map((t) => (typeof t === 'string' ? t : t.target))).toEqual(['nsis']);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspector, asar integrity, asar only', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('rebuilds native modules for Electron and keeps them outside the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('points at files that exist: deb scripts, fpm sources, the app directory', () => {
    for (const file of [config.deb.afterInstall, config.deb.afterRemove, config.directories.app]) {
      expect(existsSync(path.join(repoRoot, file)), file).toBe(true);
    }
    for (const { source, destination } of fpmSources(config)) {
      expect(existsSync(path.join(repoRoot, source)), source).toBe(true);
      expect(destination).toMatch(/^\/(usr\/lib|usr\/share|etc)\//);
    }
  });

  it('uses the kiosk app entry the bundle script writes', async () => {
    const app = JSON.parse(
      await readFile(path.join(repoRoot, config.directories.app, 'package.json'), 'utf8'),
    ) as { main?: string };
    expect(config.extraMetadata.main).toBe('dist/electron/main.cjs');
    expect(app.main).toBe(config.extraMetadata.main);
  });

  it('ships the units the session expects at the paths the unit file names', async () => {
    const unit = await readFile(
      path.join(repoRoot, 'installer/linux/systemd/cccd-kiosk.service'),
      'utf8',
    );
    expect(unit).toContain(`/opt/${config.productName}/${config.linux.executableName}`);
    expect(unit).toMatch(/^PAMName=cccd-kiosk$/m);
    expect(fpmSources(config).map((m) => m.destination)).toContain('/etc/pam.d/cccd-kiosk');
  });
});

describe('parseElectronBuilderConfig', () => {
  const good = (async () => readFile(configFile, 'utf8'))();

  it('rejects a weakened fuse, a misspelt key and duplicate keys, naming each problem', async () => {
    const text = await good;
    const expectIssue = (yaml: string, issue: RegExp) => {
      try {
        parseElectronBuilderConfig(yaml);
      } catch (error) {
        expect(error).toBeInstanceOf(ElectronBuilderConfigError);
        expect((error as ElectronBuilderConfigError).issues.join('\n')).toMatch(issue);
        return;
      }
      throw new Error('accepted');
    };
    expectIssue(text.replace('runAsNode: false', 'runAsNode: true'), /electronFuses\.runAsNode/);
    expectIssue(text.replace('npmRebuild: true', 'npmRebuid: true'), /npmRebuid|npmRebuild/);
    expectIssue(`${text}\nasar: true\n`, /asar/);
    expectIssue(text.replace('asar: true', 'asar: false'), /^asar/m);
  });
});
