import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { communesOf, currentUnits, type Address } from '@kiosk/forms/browser';
import { UnitSearch } from './UnitSearch';

interface Props {
  id: string;
  address: Address;
  /** The free-text house number and street, edited by the field itself. */
  detail: ReactElement;
  onPick: (next: Address) => void;
}

/**
 * An address in the two-level form since 1 July 2025: province, then commune, each picked from
 * the official list (Nghị quyết 202/2025/QH15; NQ 1654–1687/NQ-UBTVQH15), and the house number
 * and street typed. An address converted from the old three-level form shows that form too, and
 * one the conversion could not settle says so until the citizen picks a commune.
 */
export function AddressPicker({ id, address, detail, onPick }: Props) {
  const { t } = useTranslation();
  const { provinces } = currentUnits();
  const province = provinces.find((p) => p.name === address.province);
  const former = address.former;
  return (
    <div className="address" id={id}>
      <UnitSearch
        testId={`${id}-province`}
        units={provinces}
        chosen={address.province || undefined}
        placeholder={t('form.province')}
        onPick={(p) => {
          if (p.name === address.province) return;
          const { communeCode: _code, district: _district, ...rest } = address;
          onPick({ ...rest, province: p.name, commune: '' });
        }}
      />
      <UnitSearch
        testId={`${id}-commune`}
        units={province ? communesOf(province.code) : []}
        chosen={address.commune || undefined}
        placeholder={t('form.commune')}
        disabled={!province}
        onPick={(c) => {
          const { confirmation: _unsure, district: _district, ...rest } = address;
          onPick({ ...rest, province: province?.name ?? '', commune: c.name, communeCode: c.code });
        }}
      />
      {detail}
      {former !== undefined && (
        <p className="former-address" data-testid={`${id}-former`}>
          {t('form.formerAddress', { address: former })}
        </p>
      )}
      {address.confirmation !== undefined && (
        <p className="notice" data-testid={`${id}-confirm`}>
          {t(`form.addressToConfirm.${address.confirmation}`)}
        </p>
      )}
    </div>
  );
}
