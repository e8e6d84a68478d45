import { useTranslation } from 'react-i18next';
import type { JourneyView, QueueTicketView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { BusyScreen } from './BusyScreen';

function IssuedTicket({ ticket, printed }: { ticket: QueueTicketView; printed: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="queue-ticket" data-testid="queue-ticket">
      <p>{t('takeNumber.yourNumber')}</p>
      <p className="queue-number big-number">
        <strong data-testid="ticket-number">{ticket.number}</strong>
      </p>
      <p data-testid="ticket-group">
        {ticket.groupName}
        {ticket.counters && ` – ${t('takeNumber.counters')}: ${ticket.counters}`}
      </p>
      {ticket.waiting !== undefined && <p>{t('takeNumber.waiting', { n: ticket.waiting })}</p>}
      {ticket.source === 'kiosk' && <p className="hint">{t('takeNumber.kioskNumber')}</p>}
      <p className={printed ? 'instruction' : 'error-text'} data-testid="ticket-printed">
        {t(printed ? 'takeNumber.printed' : 'takeNumber.notPrinted')}
      </p>
    </section>
  );
}

/** "Lấy số thứ tự": pick a field, get a number on a small ticket and on the screen. */
export function TakeNumberScreen({ view }: { view: JourneyView }) {
  const { t } = useTranslation();
  const client = useClient();
  const taking = view.takingNumber;
  const phase = taking?.phase ?? 'choosing';
  if (phase === 'issuing') {
    return <BusyScreen testId="screen-takingNumber-issuing" heading={t('takeNumber.issuing')} />;
  }
  return (
    <main className="screen take-number" data-testid="screen-takingNumber">
      <h1>{t('takeNumber.heading')}</h1>
      {phase === 'choosing' && (
        <>
          <p className="instruction">{t('takeNumber.choose')}</p>
          <div className="counter-groups">
            {taking?.groups.map((g) => (
              <button
                key={g.code}
                className="secondary big"
                data-testid={`counter-group-${g.code}`}
                onClick={() => client.send({ type: 'journey.takeNumber', group: g.code })}
              >
                <strong>{g.name}</strong>
                {g.sectors.length > 0 && <span className="hint"> ({g.sectors.join('; ')})</span>}
              </button>
            ))}
          </div>
          <button
            className="secondary big"
            data-testid="take-number-back"
            onClick={() => client.send({ type: 'journey.back' })}
          >
            {t('app.back')}
          </button>
        </>
      )}
      {phase === 'issued' && taking?.ticket && (
        <>
          <IssuedTicket ticket={taking.ticket} printed={taking.printed ?? false} />
          <button
            className="primary big"
            data-testid="finish"
            onClick={() => client.send({ type: 'journey.finish' })}
          >
            {t('takeNumber.finish')}
          </button>
        </>
      )}
      {phase === 'failed' && (
        <>
          <p className="error-text">{t('takeNumber.failed')}</p>
          <button className="primary big" onClick={() => client.send({ type: 'journey.retry' })}>
            {t('app.retry')}
          </button>
          <button className="secondary big" onClick={() => client.send({ type: 'journey.back' })}>
            {t('app.back')}
          </button>
        </>
      )}
    </main>
  );
}
