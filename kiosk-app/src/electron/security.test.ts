import { describe, expect, it } from 'vitest';
import type { KeyboardInput, PermissionName } from './electron-api';
import {
  hardenSession,
  hardenWebContents,
  isKioskUrl,
  isPermissionCheckAllowed,
  isPermissionRequestAllowed,
} from './security';
import { FakeEvent, FakeSession, FakeWebContents } from './testing/fake-electron';

const page = 'kiosk://app/index.html';
const logged: string[] = [];
const log = (event: string): void => void logged.push(event);

const key = (overrides: Partial<KeyboardInput>): KeyboardInput => ({
  type: 'keyDown',
  key: '',
  code: '',
  alt: false,
  control: false,
  shift: false,
  meta: false,
  ...overrides,
});

describe('isKioskUrl', () => {
  it('accepts only the kiosk origin', () => {
    expect(isKioskUrl('kiosk://app/index.html')).toBe(true);
    expect(isKioskUrl('kiosk://app')).toBe(true);
    for (const url of [
      'file:///index.html',
      'http://127.0.0.1:8080/',
      'kiosk://evil/',
      'x',
      undefined,
    ]) {
      expect(isKioskUrl(url)).toBe(false);
    }
  });
});

describe('permission policy (checklist item 5)', () => {
  const others: PermissionName[] = [
    'geolocation',
    'notifications',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'midi',
    'unknown',
  ];

  it('grants the camera (video only) to the kiosk renderer', async () => {
    const session = new FakeSession();
    hardenSession(session, log);
    expect(await session.request('media', { requestingUrl: page, mediaTypes: ['video'] })).toBe(
      true,
    );
    expect(session.check('media', 'kiosk://app', { mediaType: 'video', requestingUrl: page })).toBe(
      true,
    );
  });

  it('denies the microphone, camera+microphone and media for other origins', async () => {
    const session = new FakeSession();
    hardenSession(session, log);
    expect(await session.request('media', { requestingUrl: page, mediaTypes: ['audio'] })).toBe(
      false,
    );
    expect(
      await session.request('media', { requestingUrl: page, mediaTypes: ['video', 'audio'] }),
    ).toBe(false);
    expect(await session.request('media', { requestingUrl: page, mediaTypes: [] })).toBe(false);
    expect(
      await session.request('media', {
        requestingUrl: 'https://example.org/',
        mediaTypes: ['video'],
      }),
    ).toBe(false);
    expect(session.check('media', 'kiosk://app', { mediaType: 'audio' })).toBe(false);
    expect(session.check('media', 'https://example.org', { mediaType: 'video' })).toBe(false);
  });

  it('denies every other permission, even to the kiosk renderer', async () => {
    const session = new FakeSession();
    hardenSession(session, log);
    for (const permission of others) {
      expect(await session.request(permission, { requestingUrl: page }), permission).toBe(false);
      expect(session.check(permission, 'kiosk://app', { requestingUrl: page }), permission).toBe(
        false,
      );
      expect(
        isPermissionRequestAllowed(permission, { requestingUrl: page, mediaTypes: ['video'] }),
      ).toBe(false);
      expect(isPermissionCheckAllowed(permission, 'kiosk://app', { mediaType: 'video' })).toBe(
        false,
      );
    }
  });

  it('denies WebHID/WebSerial/WebUSB device access and downloads', () => {
    const session = new FakeSession();
    hardenSession(session, log);
    expect(session.deviceHandler?.()).toBe(false);
    const download = new FakeEvent();
    session.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
  });
});

describe('web contents lock-down', () => {
  const hardened = (): FakeWebContents => {
    const contents = new FakeWebContents();
    hardenWebContents(contents, log);
    return contents;
  };

  it('cancels navigation and redirects away from the kiosk origin (item 13)', () => {
    const contents = hardened();
    for (const [eventName, url, prevented] of [
      ['will-navigate', 'https://example.org/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-navigate', 'kiosk://app/index.html#/staff', false],
      ['will-redirect', 'http://127.0.0.1:9/', true],
    ] as const) {
      const event = new FakeEvent();
      contents.emit(eventName, event, url);
      expect(event.defaultPrevented, `${eventName} ${url}`).toBe(prevented);
    }
  });

  it('denies window.open (item 14)', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: page })).toEqual({ action: 'deny' });
  });

  it('never attaches a <webview> (items 11, 12)', () => {
    const contents = hardened();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, { nodeIntegration: true });
    expect(event.defaultPrevented).toBe(true);
  });

  it('closes DevTools if anything opens them', () => {
    const contents = hardened();
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('swallows shortcuts that leave kiosk mode and lets typing through', () => {
    const contents = hardened();
    const press = (input: Partial<KeyboardInput>): boolean => {
      const event = new FakeEvent();
      contents.emit('before-input-event', event, key(input));
      return event.defaultPrevented;
    };
    expect(press({ key: 'F4', code: 'F4', alt: true })).toBe(true);
    expect(press({ key: 'w', code: 'KeyW', control: true })).toBe(true);
    expect(press({ key: 'I', code: 'KeyI', control: true, shift: true })).toBe(true);
    expect(press({ key: 'F12', code: 'F12' })).toBe(true);
    expect(press({ key: 'a', code: 'KeyA' })).toBe(false);
    expect(press({ key: '7', code: 'Digit7' })).toBe(false);
    expect(press({ key: 'Enter', code: 'Enter' })).toBe(false);
  });
});
