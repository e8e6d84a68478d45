import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView, ReplyData } from '../../protocol';
import { RequestMessage } from '../staff/RequestMessage';
import { useRequest } from '../staff/use-request';

/** Technician: every device the kiosk sees with its status, and a test print. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [devices, setDevices] = useState<readonly DeviceView[]>([]);
  const load = () =>
    void run<DeviceView[]>({ type: 'devices.list' }).then((d) => d && setDevices(d));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load once when the tab opens
  useEffect(load, []);
  return (
    <section data-testid="panel-devices">
      <div className="actions">
        <button type="button" data-testid="devices-refresh" onClick={load}>
          {t('staffMode.refresh')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="test-print"
          disabled={busy}
          onClick={() =>
            void run<ReplyData['devices.testPrint']>({ type: 'devices.testPrint' }, (r) =>
              t('technician.testPrinted', { at: new Date(r.at).toLocaleTimeString('vi-VN') }),
            ).then(load)
          }
        >
          {t('technician.testPrint')}
        </button>
      </div>
      <RequestMessage message={message} testId="devices-message" />
      {devices.length === 0 && <p>{t('technician.noDevices')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('technician.device')}</th>
            <th>{t('technician.kind')}</th>
            <th>{t('technician.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-testid={`device-${d.id}`} data-status={d.status}>
              <td>{d.id}</td>
              <td>{d.kind}</td>
              <td>{d.status}</td>
              <td>{d.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
