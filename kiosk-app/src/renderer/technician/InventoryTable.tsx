import { useTranslation } from 'react-i18next';
import type { DeviceRole, DeviceView } from '@kiosk/protocol';

/** Roles as the technician reads them ("Đầu đọc thẻ, Máy in giấy hẹn"). */
export function useRoleNames(): (roles: readonly DeviceRole[] | undefined) => string {
  const { t } = useTranslation();
  return (roles) => (roles ?? []).map((r) => t(`deviceSetup.roles.${r}`)).join(', ');
}

/** Every device the kiosk sees: kind, address, VID:PID, status, what it may be and what it is. */
export function InventoryTable({ devices }: { devices: readonly DeviceView[] }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  if (devices.length === 0) return <p>{t('technician.noDevices')}</p>;
  return (
    <table data-testid="device-inventory">
      <caption>{t('deviceSetup.inventory')}</caption>
      <thead>
        <tr>
          <th>{t('technician.device')}</th>
          <th>{t('technician.kind')}</th>
          <th>{t('deviceSetup.usbIds')}</th>
          <th>{t('technician.status')}</th>
          <th>{t('deviceSetup.usableFor')}</th>
          <th>{t('deviceSetup.assignedTo')}</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d) => (
          <tr
            key={d.id}
            data-testid={`device-${d.id}`}
            data-status={d.status}
            data-assigned={(d.assignedTo ?? []).join(',')}
          >
            <td>
              {d.address ?? d.id}
              {d.detail && d.detail !== d.address ? <small> · {d.detail}</small> : null}
            </td>
            <td>{d.kind}</td>
            <td>{d.vendorId && d.productId ? `${d.vendorId}:${d.productId}` : ''}</td>
            <td>{d.status}</td>
            <td>{roleNames(d.usableFor)}</td>
            <td>{roleNames(d.assignedTo)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
