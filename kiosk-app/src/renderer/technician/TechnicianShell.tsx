import { useTranslation } from 'react-i18next';
import type { SessionView } from '@kiosk/protocol';
import { AuditPanel } from '../staff/AuditPanel';
import { ModeShell } from '../staff/ModeShell';
import { CameraTestPanel } from '../camera';
import { AccountsPanel } from './AccountsPanel';
import { DevicesPanel } from './DevicesPanel';
import { HealthPanel } from './HealthPanel';
import { SettingsPanel } from './SettingsPanel';

/** Technician mode: devices and test print, settings, health, accounts and the audit log. */
export function TechnicianShell({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  return (
    <ModeShell
      session={session}
      title={t('staffMode.technicianTitle')}
      testId="screen-technician"
      tabs={[
        { id: 'devices', label: t('technician.tabDevices'), render: () => <DevicesPanel /> },
        { id: 'settings', label: t('technician.tabSettings'), render: () => <SettingsPanel /> },
        { id: 'health', label: t('technician.tabHealth'), render: () => <HealthPanel /> },
        { id: 'camera', label: t('camera.tab'), render: () => <CameraTestPanel /> },
        { id: 'accounts', label: t('technician.tabAccounts'), render: () => <AccountsPanel /> },
        { id: 'audit', label: t('technician.tabAudit'), render: () => <AuditPanel /> },
      ]}
    />
  );
}
