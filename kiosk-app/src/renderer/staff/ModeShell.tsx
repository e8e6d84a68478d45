import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import './staff.css';

export interface ShellTab {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

/** The frame of a staff or technician mode: who is signed in, tabs, and sign-out. */
export function ModeShell({
  session,
  title,
  tabs,
  testId,
}: {
  session: SessionView;
  title: string;
  tabs: readonly ShellTab[];
  testId: string;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [current, setCurrent] = useState(tabs[0]?.id ?? '');
  const tab = tabs.find((x) => x.id === current) ?? tabs[0];
  const roleName =
    session.role === 'staff' ? t('staffMode.roleStaff') : t('staffMode.roleTechnician');
  return (
    <main className="screen staff-screen" data-testid={testId}>
      <div className="shell-head">
        <h1>{title}</h1>
        <span data-testid="signed-in-as">
          {t('staffMode.signedInAs', { user: session.user ?? '', role: roleName })}
        </span>
        <button
          type="button"
          data-testid="sign-out"
          onClick={() => client.send({ type: 'auth.signOut' })}
        >
          {t('staffMode.signOut')}
        </button>
      </div>
      <nav className="tabs">
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            data-testid={`tab-${x.id}`}
            className={x.id === tab?.id ? 'primary' : 'secondary'}
            aria-pressed={x.id === tab?.id}
            onClick={() => setCurrent(x.id)}
          >
            {x.label}
          </button>
        ))}
      </nav>
      {tab?.render()}
    </main>
  );
}
