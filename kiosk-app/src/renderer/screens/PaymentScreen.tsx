import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { formatVnd } from '@kiosk/forms/browser';
import type { JourneyView, PaymentQrView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { formatCountdown, secondsLeft } from './payment-countdown';

/** The VietQR drawn from the core's payload (the core builds and checks the EMV fields). */
function useQrImage(payload: string): string {
  const [image, setImage] = useState('');
  useEffect(() => {
    let current = true;
    // Error correction M, as banking apps expect of a VietQR; a quiet zone of 4 modules.
    QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, width: 320 })
      .then((data) => current && setImage(data))
      .catch(() => current && setImage(''));
    return () => {
      current = false;
    };
  }, [payload]);
  return image;
}

function useSecondsLeft(expiresAt: string): number {
  const [left, setLeft] = useState(() => secondsLeft(expiresAt, Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeft(expiresAt, Date.now())), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return left;
}

function PaymentQr({ qr, dossierCode }: { qr: PaymentQrView; dossierCode: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const image = useQrImage(qr.qrPayload);
  const left = useSecondsLeft(qr.expiresAt);
  const amount = formatVnd(qr.amountVnd, i18n.language === 'en' ? 'en' : 'vi');
  return (
    <>
      <p>{t('payment.filed', { code: dossierCode })}</p>
      <figure className="payment-qr">
        {image && (
          <img
            className="qr"
            data-testid="payment-qr"
            src={image}
            alt={t('payment.qrAlt', { amount })}
          />
        )}
        <figcaption>{t('payment.scan')}</figcaption>
      </figure>
      <dl className="payment-facts">
        <dt>{t('payment.amount')}</dt>
        <dd data-testid="payment-amount">{amount}</dd>
        <dt>{t('payment.purpose')}</dt>
        <dd data-testid="payment-purpose">{dossierCode}</dd>
      </dl>
      <p className="payment-countdown" role="timer" aria-live="off">
        {t('payment.waiting')}{' '}
        <strong data-testid="payment-countdown">{formatCountdown(left)}</strong>
      </p>
      <p>{t('payment.later')}</p>
      <div className="actions">
        <button
          className="secondary big"
          data-testid="pay-later"
          onClick={() => client.send({ type: 'journey.payLater' })}
        >
          {t('payment.payLater')}
        </button>
      </div>
    </>
  );
}

/**
 * Issue 17: the fee of the dossier just filed, paid by scanning a dynamic VietQR with a banking
 * app, or later at the counter. The kiosk moves on by itself when the payment arrives. One
 * screen and heading for both phases, so the focus a keypad user has stays when the QR appears.
 */
export function PaymentScreen({ view }: { view: JourneyView }) {
  const { t } = useTranslation();
  const qr = view.payment?.qr;
  return (
    <main
      className={qr ? 'screen payment' : 'screen payment busy'}
      data-testid="screen-payingFee"
      aria-busy={qr ? undefined : true}
    >
      <h1>{t('payment.heading')}</h1>
      {qr ? (
        <PaymentQr qr={qr} dossierCode={view.receipt?.dossierCode ?? ''} />
      ) : (
        <>
          <div className="spinner" aria-hidden="true" />
          <p>{t('payment.preparing')}</p>
        </>
      )}
    </main>
  );
}
