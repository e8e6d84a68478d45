import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardTestView, DeviceView, PrinterStatusView, QrTestView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { RequestMessage } from '../staff/RequestMessage';
import { useRequest } from '../staff/use-request';

type Run = ReturnType<typeof useRequest>['run'];

const PA_KEY: Record<CardTestView['passiveAuthentication']['status'], string> = {
  valid: 'valid',
  invalid: 'invalid',
  'unknown-issuer': 'unknownIssuer',
  'not-checked': 'notChecked',
};

/** The fields of a test card read and its passive-authentication result (screen only). */
function CardTestResult({ result }: { result: CardTestView }) {
  const { t } = useTranslation();
  const { fields } = result;
  const rows: [string, string][] = [
    ['fullName', fields.fullName ?? ''],
    ['personalId', fields.personalId ?? ''],
    ['dateOfBirth', fields.dateOfBirth ?? ''],
    ['sex', fields.sex ?? ''],
    [
      'dateOfExpiry',
      fields.dateOfExpiry === null ? t('deviceSetup.noExpiry') : (fields.dateOfExpiry ?? ''),
    ],
    ['photo', fields.hasPhoto ? t('deviceSetup.yes') : t('deviceSetup.no')],
  ];
  const pa = result.passiveAuthentication;
  return (
    <div data-testid="card-test-result" data-pa={pa.status}>
      <p>
        {t('deviceSetup.cardRead', {
          reader: result.reader,
          ms: result.totalMs,
          protocol: result.protocol,
        })}
      </p>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key} data-testid={`card-field-${key}`}>
            <dt>{t(`deviceSetup.fields.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div data-testid="card-pa">
          <dt>{t('deviceSetup.pa')}</dt>
          <dd className={pa.status === 'valid' ? 'notice' : 'error-text'}>
            {t(`deviceSetup.paStatus.${PA_KEY[pa.status]}`)}
            {pa.detail ? ` (${pa.detail})` : ''}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function PrinterStatusLine({ status }: { status: PrinterStatusView }) {
  const { t } = useTranslation();
  const paper = status.paper === 'near-end' ? 'nearEnd' : status.paper;
  const parts = [
    status.online ? t('deviceSetup.online') : t('deviceSetup.offline'),
    t(`deviceSetup.paper.${paper}`),
    status.coverOpen ? t('deviceSetup.coverOpen') : t('deviceSetup.coverClosed'),
    ...(status.cutterError ? [t('deviceSetup.cutterError')] : []),
  ];
  return (
    <p data-testid="printer-status" data-paper={status.paper} data-online={status.online}>
      {t('deviceSetup.printerStatus')}: {parts.join(' · ')}
    </p>
  );
}

function QrTestResult({ result }: { result: QrTestView }) {
  const { t } = useTranslation();
  if (result.outcome !== 'scanned')
    return (
      <p data-testid="qr-test-result" data-outcome={result.outcome}>
        {result.outcome === 'timeout' ? t('deviceSetup.qrTimeout') : t('deviceSetup.qrCancelled')}
      </p>
    );
  return (
    <div data-testid="qr-test-result" data-outcome="scanned" data-kind={result.kind}>
      <p>{t(`deviceSetup.qrKind.${result.kind}`)}</p>
      <dl>
        {Object.entries(result.fields).map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The assigned card reader's name, to tell the technician where to place the card. */
function assignedReader(devices: readonly DeviceView[] | undefined): string | undefined {
  return devices?.find((d) => d.kind === 'cardReader' && d.assignedTo?.includes('cardReader'))
    ?.address;
}

/**
 * The device tests: a card read (CAN or MRZ typed, or the MRZ a document reader presented) of
 * the card placed while the test waits, which the journey does not see, showing the fields and
 * the passive-authentication result; a QR scan the journey does not see; a test print with the
 * printer's status. A waiting test can be cancelled; a failed test shows its reason and the
 * screen stays usable.
 */
export function DeviceTests({
  run,
  busy,
  onDone,
}: {
  run: Run;
  busy: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const qr = useRequest();
  /** The reader a running card test waits on (shown with a Cancel button). */
  const [cardWaitingOn, setCardWaitingOn] = useState<string | undefined>();
  const [can, setCan] = useState('');
  const [mrz, setMrz] = useState('');
  const [card, setCard] = useState<CardTestView | undefined>();
  const [scan, setScan] = useState<QrTestView | undefined>();
  const [printer, setPrinter] = useState<PrinterStatusView | undefined>();
  const cardRead = async () => {
    setCard(undefined);
    const devices = await client.request({ type: 'devices.list' }).catch(() => undefined);
    setCardWaitingOn(assignedReader(devices) ?? t('deviceSetup.roles.cardReader'));
    try {
      const result = await run({
        type: 'devices.testCardRead',
        ...(can.trim() ? { can: can.trim() } : {}),
        ...(mrz.trim() ? { mrz: mrz.trim() } : {}),
      });
      setCard(result);
    } finally {
      setCardWaitingOn(undefined);
    }
  };
  const testPrint = async () => {
    const result = await run({ type: 'devices.testPrint' }, (r) =>
      t('technician.testPrinted', { at: new Date(r.at).toLocaleTimeString('vi-VN') }),
    );
    setPrinter(result?.status);
    onDone();
  };
  const testQr = async () => {
    setScan(undefined);
    setScan(await qr.run({ type: 'devices.testQr' }));
  };
  return (
    <section data-testid="device-tests">
      <h3>{t('deviceSetup.testsHeading')}</h3>
      <fieldset>
        <legend>{t('deviceSetup.roles.cardReader')}</legend>
        <label>
          {t('deviceSetup.can')}
          <input
            data-testid="test-card-can"
            inputMode="numeric"
            maxLength={6}
            value={can}
            onChange={(e) => setCan(e.target.value)}
          />
        </label>
        <label>
          {t('deviceSetup.mrz')}
          <textarea
            data-testid="test-card-mrz"
            rows={3}
            cols={44}
            spellCheck={false}
            value={mrz}
            onChange={(e) => setMrz(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="test-card-read"
          disabled={busy || cardWaitingOn !== undefined}
          onClick={() => void cardRead()}
        >
          {t('deviceSetup.testCard')}
        </button>
        {cardWaitingOn !== undefined && (
          <>
            <p role="status" data-testid="card-test-waiting">
              {t('deviceSetup.waitingCard', { reader: cardWaitingOn })}
            </p>
            <button
              type="button"
              data-testid="test-card-cancel"
              onClick={() =>
                void client.request({ type: 'devices.cancelTest' }).catch(() => undefined)
              }
            >
              {t('deviceSetup.cancel')}
            </button>
          </>
        )}
        {card && <CardTestResult result={card} />}
      </fieldset>
      <fieldset>
        <legend>{t('deviceSetup.roles.qrScanner')}</legend>
        <button
          type="button"
          className="primary"
          data-testid="test-qr"
          disabled={qr.busy}
          onClick={() => void testQr()}
        >
          {t('deviceSetup.testQr')}
        </button>
        {qr.busy && (
          <>
            <p role="status">{t('deviceSetup.waitingScan')}</p>
            <button
              type="button"
              data-testid="test-qr-cancel"
              onClick={() => void run({ type: 'devices.cancelTest' })}
            >
              {t('deviceSetup.cancel')}
            </button>
          </>
        )}
        <RequestMessage message={qr.message} testId="qr-test-message" />
        {scan && <QrTestResult result={scan} />}
      </fieldset>
      <fieldset>
        <legend>{t('deviceSetup.roles.receiptPrinter')}</legend>
        <button
          type="button"
          className="primary"
          data-testid="test-print"
          disabled={busy}
          onClick={() => void testPrint()}
        >
          {t('technician.testPrint')}
        </button>
        {printer && <PrinterStatusLine status={printer} />}
      </fieldset>
    </section>
  );
}
