import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestMessage } from '../staff/RequestMessage';
import { useRequest } from '../staff/use-request';

/** Technician: the health report (devices, outbox depth, disk) as the monitoring JSON. */
export function HealthPanel() {
  const { t } = useTranslation();
  const { run, message } = useRequest();
  const [health, setHealth] = useState<unknown>();
  const load = () => void run({ type: 'health' }).then(setHealth);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load once when the tab opens
  useEffect(load, []);
  return (
    <section data-testid="panel-health">
      <button type="button" data-testid="health-refresh" onClick={load}>
        {t('staffMode.refresh')}
      </button>
      <RequestMessage message={message} testId="health-message" />
      <pre className="json-view" data-testid="health-json">
        {health === undefined ? '' : JSON.stringify(health, null, 2)}
      </pre>
    </section>
  );
}
