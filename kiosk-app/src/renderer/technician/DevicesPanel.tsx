import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceAssignment, DeviceView } from '@kiosk/protocol';
import { RequestMessage } from '../staff/RequestMessage';
import { useRequest } from '../staff/use-request';
import { DeviceTests } from './DeviceTests';
import { InventoryTable } from './InventoryTable';
import { RoleAssignmentForms } from './RoleAssignmentForms';

/**
 * Technician: every device the kiosk sees (PC/SC readers, serial ports with VID/PID, HID
 * devices, printers by URI), a form per role to assign one with its settings (checked and
 * applied by the core at once, no restart), and the device tests.
 */
export function DevicesPanel() {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [devices, setDevices] = useState<readonly DeviceView[]>([]);
  const load = useCallback(
    () => void run({ type: 'devices.list' }).then((d) => d && setDevices(d)),
    [run],
  );
  useEffect(load, [load]);
  const assign = async (assignment: DeviceAssignment) => {
    const result = await run({ type: 'devices.assign', assignment }, (r) =>
      t('deviceSetup.assigned', {
        role: t(`deviceSetup.roles.${r.role}`),
        device: r.devices.find((d) => d.assignedTo?.includes(r.role))?.address ?? '',
      }),
    );
    if (result) setDevices(result.devices);
  };
  return (
    <section data-testid="panel-devices">
      <div className="actions">
        <button type="button" data-testid="devices-refresh" onClick={load}>
          {t('staffMode.refresh')}
        </button>
      </div>
      <RequestMessage message={message} testId="devices-message" />
      <InventoryTable devices={devices} />
      <RoleAssignmentForms devices={devices} busy={busy} onAssign={(a) => void assign(a)} />
      <DeviceTests run={run} busy={busy} onDone={load} />
    </section>
  );
}
