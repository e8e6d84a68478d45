import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { formatDateTime } from '@kiosk/forms/browser';
import type { ReceiptView } from '@kiosk/protocol';

/** The receipt as shown on screen: the same fields as the printed slip, with its lookup QR. */
export function ReceiptCard({ receipt }: { receipt: ReceiptView }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState('');
  useEffect(() => {
    QRCode.toDataURL(receipt.lookupUrl, { margin: 1, width: 220 })
      .then(setQr)
      .catch(() => setQr(''));
  }, [receipt.lookupUrl]);
  const slip = receipt.kind === 'submissionSlip';
  const notes = [
    receipt.sameDay ? t('receipt.sameDay') : undefined,
    slip || receipt.appointmentProvisional ? t('receipt.provisional') : undefined,
  ].filter((n): n is string => n !== undefined);
  const appointment = `${formatDateTime(receipt.appointmentAt)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  const status = !slip
    ? t(`receipt.${receipt.status}`)
    : receipt.acceptance?.state === 'refused'
      ? `${t('receipt.refused')}: ${receipt.acceptance.reason}`
      : t('receipt.awaiting');
  const officer = receipt.acceptance?.state === 'accepted' ? receipt.acceptance.officer : undefined;
  const papers =
    receipt.papers?.map((p) =>
      [
        p.name,
        [
          p.originals > 0 ? `${p.originals} ${t('receipt.originals')}` : undefined,
          p.copies > 0 ? `${p.copies} ${t('receipt.copies')}` : undefined,
        ]
          .filter(Boolean)
          .join(', '),
      ]
        .filter((part) => part !== '')
        .join(' – '),
    ) ?? receipt.documents;
  const rows: [string, string][] = [
    [t('receipt.applicant'), receipt.applicantName],
    [t('receipt.procedure'), receipt.procedureName],
    [t('receipt.processingTime'), receipt.processingTime],
    [t('receipt.receivedAt'), formatDateTime(receipt.receivedAt)],
    [t('receipt.appointmentAt'), appointment],
    [t('receipt.collectAt'), receipt.collectAt],
    [t('receipt.status'), status],
    ...(officer ? ([[t('receipt.officer'), officer]] as [string, string][]) : []),
    [t('receipt.kiosk'), receipt.kioskId],
    [
      t('receipt.assurance'),
      t(`receipt.assuranceLevels.${receipt.identityAssurance ?? 'unknown'}`),
    ],
  ];
  const seeCard = receipt.identityAssurance !== 'chip-verified';
  return (
    <section className="receipt" data-testid="receipt">
      <p className="centre">{receipt.centreName}</p>
      <h3 data-testid="receipt-title">{t(slip ? 'receipt.slipTitle' : 'receipt.title')}</h3>
      <p className="code">
        {t('receipt.code')}: <strong data-testid="dossier-code">{receipt.dossierCode}</strong>
      </p>
      {receipt.queueNumber && (
        <p className="queue-number">
          {t('receipt.queueNumber')}:{' '}
          <strong data-testid="queue-number">{receipt.queueNumber}</strong>
          {receipt.queueCounter && (
            <span data-testid="queue-counter">
              {' '}
              ({t('receipt.queueCounter')}: {receipt.queueCounter})
            </span>
          )}
        </p>
      )}
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {seeCard && (
        <p className="notice" data-testid="receipt-see-card">
          {t('receipt.seeCard')}
        </p>
      )}
      {papers.length > 0 && (
        <>
          <p className="label">{t(slip ? 'receipt.papersToBring' : 'receipt.documents')}</p>
          <ul data-testid="receipt-papers">
            {papers.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {qr && <img className="qr" src={qr} alt={receipt.lookupUrl} data-testid="receipt-qr" />}
      <p className="hint">{receipt.trackingHint}</p>
    </section>
  );
}
