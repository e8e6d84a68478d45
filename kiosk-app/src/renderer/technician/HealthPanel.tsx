import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthView } from '@kiosk/protocol';
import { RequestMessage } from '../staff/RequestMessage';
import { useRequest } from '../staff/use-request';

/** Most pages one export asks for; the core keeps about 2000 lines, a few pages. */
const MAX_EXPORT_PAGES = 200;

/** Hands a text to the browser as a file download. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Technician: live health (healthy or the list of problems, printer paper, outbox depth, the last
 * registry and portal calls, recent errors), the full monitoring JSON, and the support log
 * export as a .jsonl download (personal data redacted by the core; each export is audited).
 */
export function HealthPanel() {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [health, setHealth] = useState<HealthView>();
  const load = () => void run({ type: 'health' }).then(setHealth);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load once when the tab opens
  useEffect(load, []);

  const exportLogs = async () => {
    let text = '';
    let lines = 0;
    let from: number | undefined;
    for (let page = 0; page < MAX_EXPORT_PAGES; page += 1) {
      const reply = await run(
        from === undefined ? { type: 'logs.export' } : { type: 'logs.export', from },
      );
      if (!reply) return;
      text += reply.text;
      lines += reply.lines;
      if (reply.next === undefined || reply.lines === 0) break;
      from = reply.next;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    download(text, `kiosk-logs-${health?.kioskId ?? 'kiosk'}-${stamp}.jsonl`);
    // The refreshed report carries the success message (and shows the export in the audit).
    const fresh = await run({ type: 'health' }, () => t('technician.logsExported', { lines }));
    if (fresh) setHealth(fresh);
  };

  return (
    <section data-testid="panel-health">
      <div className="actions">
        <button type="button" data-testid="health-refresh" onClick={load}>
          {t('staffMode.refresh')}
        </button>
        <button
          type="button"
          data-testid="logs-export"
          disabled={busy}
          onClick={() => void exportLogs()}
        >
          {t('technician.exportLogs')}
        </button>
      </div>
      <RequestMessage message={message} testId="health-message" />
      {health && (
        <dl className="health-summary" data-testid="health-summary">
          <dt>{t('technician.overall')}</dt>
          <dd data-testid="health-overall" data-healthy={health.healthy}>
            {health.healthy ? t('technician.healthy') : t('technician.unhealthy')}
            {health.problems.length > 0 && ` (${health.problems.join(', ')})`}
          </dd>
          <dt>{t('technician.printer')}</dt>
          <dd data-testid="health-printer">
            {health.printer.status} · {t('technician.paper')}: {health.printer.paper}
          </dd>
          <dt>{t('technician.outbox')}</dt>
          <dd data-testid="health-outbox">
            {(['queued', 'sending', 'sent', 'failed'] as const)
              .map((s) => `${t(`staff.states.${s}`)}: ${health.outbox[s]}`)
              .join(' · ')}
          </dd>
          {health.trust && (
            <>
              <dt>{t('technician.trust')}</dt>
              <dd data-testid="health-trust">
                {t('technician.trustCount', { count: health.trust.cscaCount })}
                {health.trust.firstExpiry &&
                  ` · ${t('technician.trustFirstExpiry')}: ${health.trust.firstExpiry.slice(0, 10)}`}
              </dd>
            </>
          )}
          {health.queueSystem && (
            <>
              <dt>{t('technician.queueSystem')}</dt>
              <dd data-testid="health-queue-system">
                {t(`technician.queueStates.${health.queueSystem.state}`)}
                {health.queueSystem.since && ` · ${health.queueSystem.since}`}
                <br />
                <span lang="en">{health.queueSystem.detail}</span>
              </dd>
            </>
          )}
          {health.speech && (
            <>
              <dt>{t('technician.speech')}</dt>
              <dd data-testid="health-speech">
                {health.speech.available
                  ? t('technician.speechAvailable')
                  : `${t('technician.speechUnavailable')}: ${health.speech.reason ?? ''}`}
              </dd>
            </>
          )}
          {(['registry', 'portal'] as const).map((name) => {
            const link = health.links[name];
            return [
              <dt key={`${name}-t`}>{t(`technician.${name}`)}</dt>,
              <dd key={`${name}-d`} data-testid={`health-${name}`}>
                {t('technician.lastOk')}: {link.lastOkAt ?? '—'} · {t('technician.lastError')}:{' '}
                {link.lastErrorAt ? `${link.lastErrorAt} (${link.lastError ?? ''})` : '—'}
              </dd>,
            ];
          })}
          <dt>{t('technician.recentErrors')}</dt>
          <dd data-testid="health-recent-errors">
            {health.recentErrors.length === 0
              ? '—'
              : health.recentErrors
                  .slice(-5)
                  .map((e) => `${e.at} ${e.event}`)
                  .join('; ')}
          </dd>
        </dl>
      )}
      {/* Focusable, so the technician can scroll the long report with the keys (WCAG 2.1.1). */}
      <pre
        className="json-view"
        data-testid="health-json"
        role="region"
        aria-label={t('technician.tabHealth')}
        tabIndex={0}
      >
        {health === undefined ? '' : JSON.stringify(health, null, 2)}
      </pre>
    </section>
  );
}
