import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCommand, JourneyView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';

interface Action {
  readonly label: string;
  readonly command: ClientCommand;
  readonly primary?: boolean;
}

/** A readable failure: what happened, in plain words, and the ways forward. */
export function ErrorScreen({
  view,
  heading,
  body,
  actions,
  children,
}: {
  view: JourneyView;
  heading: string;
  body?: string;
  actions: Action[];
  /** More ways forward that are not journey commands (e.g. opening the camera). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const client = useClient();
  return (
    <main className="screen error" data-testid={`screen-${view.step}`} role="alert">
      <h1>{heading}</h1>
      {view.error && <p className="error-text">{t(`errors.${view.error.code}`)}</p>}
      {body && <p>{body}</p>}
      <div className="actions">
        {actions.map((a) => (
          <button
            key={a.label}
            className={a.primary ? 'primary big' : 'secondary big'}
            onClick={() => client.send(a.command)}
          >
            {a.label}
          </button>
        ))}
        {children}
      </div>
    </main>
  );
}
