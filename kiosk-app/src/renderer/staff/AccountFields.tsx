import { useTranslation } from 'react-i18next';

export type AccountRole = 'staff' | 'technician';

/** Staff or technician: the sign-in screen and the technician's new-account form. */
export function RoleChoice({
  role,
  onChange,
  testIdPrefix,
}: {
  role: AccountRole;
  onChange: (role: AccountRole) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="role-choice">
      <legend>{t('staffMode.role')}</legend>
      {(['staff', 'technician'] as const).map((r) => (
        <button
          key={r}
          type="button"
          data-testid={`${testIdPrefix}-${r}`}
          className={role === r ? 'primary' : 'secondary'}
          aria-pressed={role === r}
          onClick={() => onChange(r)}
        >
          {r === 'staff' ? t('staffMode.roleStaff') : t('staffMode.roleTechnician')}
        </button>
      ))}
    </fieldset>
  );
}

/** An account name, as sign-in, first-run setup and new accounts ask for it. */
export function UserField({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (user: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('staffMode.user')}
      <input
        data-testid={testId}
        value={value}
        autoComplete="off"
        maxLength={64}
        onChange={(event) => onChange(event.target.value.trim())}
      />
    </label>
  );
}
