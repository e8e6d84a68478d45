import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@kiosk/forms/browser';
import type { AuditEntryView } from '@kiosk/protocol';
import { RequestMessage } from './RequestMessage';
import { useRequest } from './use-request';

/** The latest audit entries: who did what, when. Shared by the staff and technician shells. */
export function AuditPanel() {
  const { t } = useTranslation();
  const { run, message } = useRequest();
  const [entries, setEntries] = useState<readonly AuditEntryView[]>([]);
  const load = () =>
    void run({ type: 'audit.recent', limit: 100 }).then((data) => {
      if (data) setEntries(data);
    });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load once when the tab opens
  useEffect(load, []);
  return (
    <section data-testid="panel-audit">
      <button type="button" data-testid="audit-refresh" onClick={load}>
        {t('staffMode.refresh')}
      </button>
      <RequestMessage message={message} testId="audit-message" />
      <table>
        <thead>
          <tr>
            <th>{t('audit.at')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.subject')}</th>
            <th>{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-action={e.action} data-actor={e.actor}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.subject ?? ''}</td>
              <td>{e.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
