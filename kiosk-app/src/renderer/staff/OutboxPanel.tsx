import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxStateView, Reply } from '@kiosk/protocol';
import { RequestMessage } from './RequestMessage';
import { useRequest } from './use-request';

const STATES: readonly OutboxStateView[] = ['queued', 'sending', 'sent', 'failed'];

/** Staff: the dossiers waiting for, being sent to, or refused by the gateway; retry a failure. */
export function OutboxPanel() {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [data, setData] = useState<Reply['outbox.list'] | undefined>();
  const load = () => void run({ type: 'outbox.list' }).then((d) => d && setData(d));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load once when the tab opens
  useEffect(load, []);
  const retry = async (id: number, code: string) => {
    const done = await run({ type: 'outbox.retry', outboxId: id }, () =>
      t('staff.retried', { code }),
    );
    if (done) {
      const fresh = await run({ type: 'outbox.list' });
      if (fresh) setData(fresh);
    }
  };
  return (
    <section data-testid="panel-outbox">
      <p data-testid="outbox-counts">
        {STATES.map((s) => `${t(`staff.states.${s}`)}: ${data?.counts[s] ?? 0}`).join(' · ')}
      </p>
      <button type="button" data-testid="outbox-refresh" onClick={load}>
        {t('staffMode.refresh')}
      </button>
      <RequestMessage message={message} testId="outbox-message" />
      {data?.entries.length === 0 && <p>{t('staff.outboxEmpty')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('staff.dossierCode')}</th>
            <th>{t('staff.state')}</th>
            <th>{t('staff.attempts')}</th>
            <th>{t('staff.lastError')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.entries.map((e) => (
            <tr key={e.id} data-testid={`outbox-row-${e.code}`} data-state={e.state}>
              <td>{e.code}</td>
              <td>{t(`staff.states.${e.state}`)}</td>
              <td>{e.attempts}</td>
              <td>{e.lastError ?? ''}</td>
              <td>
                {e.state === 'failed' && (
                  <button
                    type="button"
                    data-testid={`retry-${e.code}`}
                    disabled={busy}
                    onClick={() => void retry(e.id, e.code)}
                  >
                    {t('staff.retry')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
