import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceAssignment, DeviceRole, DeviceView } from '@kiosk/protocol';
import { SERIAL_BAUD_RATES } from '@kiosk/protocol';

type Assign = (assignment: DeviceAssignment) => void;

interface FormProps {
  readonly devices: readonly DeviceView[];
  readonly busy: boolean;
  readonly onAssign: Assign;
}

const candidatesFor = (devices: readonly DeviceView[], role: DeviceRole) =>
  devices.filter((d) => d.usableFor?.includes(role) && d.address !== undefined);

/** The address of the device assigned to `role` now, else the first candidate. */
function initialAddress(candidates: readonly DeviceView[], role: DeviceRole): string {
  return (
    candidates.find((d) => d.assignedTo?.includes(role))?.address ?? candidates[0]?.address ?? ''
  );
}

function DeviceSelect({
  role,
  candidates,
  value,
  onChange,
}: {
  role: DeviceRole;
  candidates: readonly DeviceView[];
  value: string;
  onChange: (address: string) => void;
}) {
  const { t } = useTranslation();
  if (candidates.length === 0) return <p>{t('deviceSetup.noCandidate')}</p>;
  return (
    <label>
      {t('deviceSetup.choose')}
      <select
        data-testid={`assign-${role}-device`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {candidates.map((d) => (
          <option key={d.id} value={d.address}>
            {d.detail && d.detail !== d.address ? `${d.address} — ${d.detail}` : d.address}
          </option>
        ))}
      </select>
    </label>
  );
}

function BaudSelect({
  role,
  value,
  onChange,
}: {
  role: DeviceRole;
  value: number;
  onChange: (n: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('deviceSetup.baudRate')}
      <select
        data-testid={`assign-${role}-baud`}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {SERIAL_BAUD_RATES.map((rate) => (
          <option key={rate} value={rate}>
            {rate}
          </option>
        ))}
      </select>
    </label>
  );
}

function RoleForm({
  role,
  busy,
  disabled,
  onSubmit,
  children,
}: {
  role: DeviceRole;
  busy: boolean;
  disabled?: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset data-testid={`assign-${role}`} className="role-form">
      <legend>{t(`deviceSetup.roles.${role}`)}</legend>
      {children}
      <button
        type="button"
        className="primary"
        data-testid={`assign-${role}-submit`}
        disabled={busy || disabled}
        onClick={onSubmit}
      >
        {t('deviceSetup.assign')}
      </button>
    </fieldset>
  );
}

function CardReaderForm({ devices, busy, onAssign }: FormProps) {
  const candidates = candidatesFor(devices, 'cardReader');
  const [pickedReader, setReader] = useState<string>();
  const reader = pickedReader ?? initialAddress(candidates, 'cardReader');
  return (
    <RoleForm
      role="cardReader"
      busy={busy}
      disabled={!reader}
      onSubmit={() => onAssign({ role: 'cardReader', reader })}
    >
      <DeviceSelect role="cardReader" candidates={candidates} value={reader} onChange={setReader} />
    </RoleForm>
  );
}

function PrinterForm({ devices, busy, onAssign }: FormProps) {
  const { t } = useTranslation();
  const candidates = candidatesFor(devices, 'receiptPrinter');
  const profiles = devices.find((d) => d.profiles)?.profiles ?? [];
  const [pickedAddress, setAddress] = useState<string>();
  const [typedUri, setTypedUri] = useState('');
  const [pickedProfile, setProfile] = useState<string>();
  const address = pickedAddress ?? initialAddress(candidates, 'receiptPrinter');
  // The assigned printer's row names its profile in the detail; that is the default choice.
  const assignedDetail = devices.find((d) => d.assignedTo?.includes('receiptPrinter'))?.detail;
  const profile =
    pickedProfile ?? profiles.find((p) => assignedDetail?.endsWith(p)) ?? profiles[0] ?? '';
  // A serial port is offered as a printer too; its URI carries the port (baud set in the URI).
  const chosen = candidates.find((d) => d.address === address);
  const uri = typedUri.trim() || (chosen?.kind === 'serialPort' ? `serial:${address}` : address);
  return (
    <RoleForm
      role="receiptPrinter"
      busy={busy}
      disabled={!uri || !profile}
      onSubmit={() => onAssign({ role: 'receiptPrinter', uri, profile })}
    >
      <DeviceSelect
        role="receiptPrinter"
        candidates={candidates}
        value={address}
        onChange={setAddress}
      />
      <label>
        {t('deviceSetup.printerUri')}
        <input
          data-testid="assign-receiptPrinter-uri"
          value={typedUri}
          onChange={(e) => setTypedUri(e.target.value)}
        />
      </label>
      <label>
        {t('deviceSetup.profile')}
        <select
          data-testid="assign-receiptPrinter-profile"
          value={profile}
          onChange={(e) => setProfile(e.target.value)}
        >
          {profiles.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
    </RoleForm>
  );
}

function MrzReaderForm({ devices, busy, onAssign }: FormProps) {
  const { t } = useTranslation();
  const candidates = candidatesFor(devices, 'mrzReader');
  const [pickedPath, setPath] = useState<string>();
  const [baudRate, setBaudRate] = useState(9600);
  const [kind, setKind] = useState<'lines' | 'stx-etx'>('lines');
  const [terminator, setTerminator] = useState<'CR' | 'LF' | 'CRLF' | 'any'>('any');
  const path = pickedPath ?? initialAddress(candidates, 'mrzReader');
  return (
    <RoleForm
      role="mrzReader"
      busy={busy}
      disabled={!path}
      onSubmit={() =>
        onAssign({ role: 'mrzReader', settings: { path, baudRate, framing: { kind, terminator } } })
      }
    >
      <DeviceSelect role="mrzReader" candidates={candidates} value={path} onChange={setPath} />
      <BaudSelect role="mrzReader" value={baudRate} onChange={setBaudRate} />
      <label>
        {t('deviceSetup.framing')}
        <select
          data-testid="assign-mrzReader-framing"
          value={kind}
          onChange={(e) => setKind(e.target.value === 'stx-etx' ? 'stx-etx' : 'lines')}
        >
          <option value="lines">lines</option>
          <option value="stx-etx">STX … ETX</option>
        </select>
      </label>
      <label>
        {t('deviceSetup.terminator')}
        <select
          data-testid="assign-mrzReader-terminator"
          value={terminator}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'CR' || v === 'LF' || v === 'CRLF' || v === 'any') setTerminator(v);
          }}
        >
          {(['any', 'CR', 'LF', 'CRLF'] as const).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
    </RoleForm>
  );
}

function QrScannerForm({ devices, busy, onAssign }: FormProps) {
  const { t } = useTranslation();
  const candidates = candidatesFor(devices, 'qrScanner');
  const [pickedAddress, setAddress] = useState<string>();
  const [baudRate, setBaudRate] = useState(9600);
  const [mode, setMode] = useState<'auto' | 'keyboard-wedge' | 'hid-pos'>('auto');
  const address = pickedAddress ?? initialAddress(candidates, 'qrScanner');
  const chosen = candidates.find((d) => d.address === address);
  const submit = () => {
    if (!chosen) return;
    if (chosen.kind === 'hidDevice') {
      onAssign({
        role: 'qrScanner',
        settings: {
          kind: 'hid',
          vendorId: parseInt(chosen.vendorId ?? '0', 16),
          productId: parseInt(chosen.productId ?? '0', 16),
          mode,
        },
      });
    } else {
      onAssign({ role: 'qrScanner', settings: { kind: 'serial', path: address, baudRate } });
    }
  };
  return (
    <RoleForm role="qrScanner" busy={busy} disabled={!chosen} onSubmit={submit}>
      <DeviceSelect
        role="qrScanner"
        candidates={candidates}
        value={address}
        onChange={setAddress}
      />
      {chosen?.kind === 'hidDevice' ? (
        <label>
          {t('deviceSetup.scannerMode')}
          <select
            data-testid="assign-qrScanner-mode"
            value={mode}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'auto' || v === 'keyboard-wedge' || v === 'hid-pos') setMode(v);
            }}
          >
            {(['auto', 'hid-pos', 'keyboard-wedge'] as const).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <BaudSelect role="qrScanner" value={baudRate} onChange={setBaudRate} />
      )}
    </RoleForm>
  );
}

/** Cameras are visible to the renderer only; the choice is stored by its label. */
function CameraForm({ busy, onAssign }: Omit<FormProps, 'devices'>) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState<string[]>([]);
  const [label, setLabel] = useState('');
  useEffect(() => {
    void navigator.mediaDevices
      ?.enumerateDevices()
      .then((all) => {
        const found = all
          .filter((d) => d.kind === 'videoinput')
          .map((d, i) => d.label || `camera ${i + 1}`);
        setLabels(found);
        setLabel((l) => l || (found[0] ?? ''));
      })
      .catch(() => setLabels([]));
  }, []);
  return (
    <RoleForm
      role="camera"
      busy={busy}
      disabled={!label}
      onSubmit={() => onAssign({ role: 'camera', settings: { deviceLabel: label } })}
    >
      {labels.length === 0 ? (
        <p>{t('deviceSetup.noCamera')}</p>
      ) : (
        <select
          data-testid="assign-camera-device"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        >
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      )}
    </RoleForm>
  );
}

/** One form per role: choose a candidate device and its settings, then assign it. */
export function RoleAssignmentForms(props: FormProps) {
  const { t } = useTranslation();
  return (
    <section data-testid="role-assignment">
      <h3>{t('deviceSetup.assignHeading')}</h3>
      <div className="role-forms">
        <CardReaderForm {...props} />
        <PrinterForm {...props} />
        <MrzReaderForm {...props} />
        <QrScannerForm {...props} />
        <CameraForm busy={props.busy} onAssign={props.onAssign} />
      </div>
    </section>
  );
}
