import { useTranslation } from 'react-i18next';

/** One tap to reuse an answer already given in this form (a phone, an e-mail) instead of typing. */
export function ReuseAnswerOffer({
  fieldId,
  value,
  onUse,
}: {
  fieldId: string;
  value: string;
  onUse: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button className="secondary reuse-offer" data-testid={`reuse-${fieldId}`} onClick={onUse}>
      {t('form.reuse', { value })}
    </button>
  );
}
