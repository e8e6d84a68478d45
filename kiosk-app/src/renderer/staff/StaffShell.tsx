import { useTranslation } from 'react-i18next';
import type { SessionView } from '@kiosk/protocol';
import { AuditPanel } from './AuditPanel';
import { ModeShell } from './ModeShell';
import { OutboxPanel } from './OutboxPanel';
import { ReceiptsPanel } from './ReceiptsPanel';

/** Staff mode: receipts (find, preview, reprint), the outbox with retry, and the audit log. */
export function StaffShell({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  return (
    <ModeShell
      session={session}
      title={t('staffMode.staffTitle')}
      testId="screen-staff"
      tabs={[
        { id: 'receipts', label: t('staff.tabReceipts'), render: () => <ReceiptsPanel /> },
        { id: 'outbox', label: t('staff.tabOutbox'), render: () => <OutboxPanel /> },
        { id: 'audit', label: t('staff.tabAudit'), render: () => <AuditPanel /> },
      ]}
    />
  );
}
