/**
 * Issue 24: with the card reader offline the idle screen still said "place your card". It must
 * say the reader is not ready (Vietnamese, then English) and offer the QR and the camera MRZ.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CardReaderAvailability } from '@kiosk/protocol';
import { ClientProvider } from '../api/client-context';
import { KioskClient } from '../api/kiosk-client';
import { CameraGate } from '../camera';
import { setupI18n } from '../i18n/i18n';
import { IdleScreen } from './IdleScreen';

setupI18n();

function idle(cardReader: CardReaderAvailability): string {
  const client = new KioskClient({
    shell: 'browser',
    socketUrl: () => new Promise<string>(() => undefined),
    credentialRefused: () => undefined,
  });
  return renderToStaticMarkup(
    <ClientProvider client={client}>
      <CameraGate step="idle">
        <IdleScreen cardReader={cardReader} />
      </CameraGate>
    </ClientProvider>,
  );
}

describe('IdleScreen and the card reader', () => {
  it('asks for the card while the reader is ready', () => {
    const html = idle('ready');
    expect(html).toContain('Vui lòng đặt thẻ Căn cước công dân gắn chip lên đầu đọc');
    expect(html).not.toContain('Đầu đọc thẻ chưa sẵn sàng');
  });

  it('says the reader is not ready, in Vietnamese then English, and offers QR and camera', () => {
    const html = idle('unavailable');
    const vi = html.indexOf('Đầu đọc thẻ chưa sẵn sàng');
    const en = html.indexOf('The card reader is not ready');
    expect(vi).toBeGreaterThan(-1);
    expect(en).toBeGreaterThan(vi);
    expect(html).not.toContain('Vui lòng đặt thẻ Căn cước công dân gắn chip lên đầu đọc');
    expect(html).toContain('data-testid="reader-unavailable"');
    expect(html).toContain('data-testid="open-camera"');
    expect(html).toContain('mã QR');
  });
});
