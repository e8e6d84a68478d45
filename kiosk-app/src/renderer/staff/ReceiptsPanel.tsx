import { useState } from 'react';
import { formatDateTime } from '@kiosk/forms/browser';
import { useTranslation } from 'react-i18next';
import type { Reply } from '@kiosk/protocol';
import { ReceiptCard } from '../components/ReceiptCard';
import { RequestMessage } from './RequestMessage';
import { useRequest } from './use-request';

type Found = Reply['receipts.find'];

/** Staff: find receipts by dossier code, personal ID or date range; preview and reprint. */
export function ReceiptsPanel() {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [query, setQuery] = useState({ dossierCode: '', personalId: '', from: '', to: '' });
  const [found, setFound] = useState<Found | undefined>();
  const [preview, setPreview] = useState<Reply['receipts.preview'] | undefined>();

  const find = async () => {
    setPreview(undefined);
    const data = await run({
      type: 'receipts.find',
      ...Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== '')),
    });
    if (data) setFound(data);
  };
  const field = (key: keyof typeof query, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        data-testid={`find-${key}`}
        value={query[key]}
        onChange={(event) => setQuery({ ...query, [key]: event.target.value })}
      />
    </label>
  );

  return (
    <section data-testid="panel-receipts">
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          void find();
        }}
      >
        {field('dossierCode', t('staff.dossierCode'))}
        {field('personalId', t('staff.personalId'))}
        {field('from', t('staff.from'), 'date')}
        {field('to', t('staff.to'), 'date')}
        <button type="submit" className="primary" data-testid="find-submit" disabled={busy}>
          {t('staff.find')}
        </button>
      </form>
      <RequestMessage message={message} testId="receipts-message" />
      {found?.length === 0 && <p data-testid="find-empty">{t('staff.noResults')}</p>}
      {found && found.length > 0 && (
        <table>
          <tbody>
            {found.map(({ receipt, printed }) => (
              <tr key={receipt.dossierCode} data-testid={`receipt-row-${receipt.dossierCode}`}>
                <td>{receipt.dossierCode}</td>
                <td>{receipt.procedureName}</td>
                <td>{formatDateTime(receipt.receivedAt)}</td>
                <td>{printed ? t('staff.printed') : t('staff.notPrinted')}</td>
                <td data-testid={`assurance-${receipt.dossierCode}`}>
                  {t(`receipt.assuranceLevels.${receipt.identityAssurance ?? 'unknown'}`)}
                  {receipt.identityAssurance !== 'chip-verified' && ` — ${t('receipt.seeCard')}`}
                </td>
                <td>
                  <button
                    type="button"
                    data-testid={`preview-${receipt.dossierCode}`}
                    onClick={() =>
                      void run({
                        type: 'receipts.preview',
                        dossierCode: receipt.dossierCode,
                      }).then(setPreview)
                    }
                  >
                    {t('staff.preview')}
                  </button>
                  <button
                    type="button"
                    className="primary"
                    data-testid={`reprint-${receipt.dossierCode}`}
                    disabled={busy}
                    onClick={() =>
                      void run(
                        { type: 'receipts.reprint', dossierCode: receipt.dossierCode },
                        (r) => t('staff.reprinted', { code: r.dossierCode }),
                      )
                    }
                  >
                    {t('staff.reprint')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview && (
        <div data-testid="receipt-preview">
          <ReceiptCard receipt={preview.receipt} />
        </div>
      )}
    </section>
  );
}
