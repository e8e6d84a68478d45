import { useTranslation } from 'react-i18next';
import { formatVnd } from '@kiosk/forms/browser';
import type { FeeView } from '@kiosk/protocol';

/** The fee rows of the confirmation summary: amount and kind, when paid, legal source, exemptions. */
export function FeeSummary({ fee }: { fee: FeeView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const amount =
    fee.kind === 'none'
      ? t('fee.none')
      : `${t(`fee.${fee.kind}`)}: ${formatVnd(fee.amountVnd, lang)} — ${t(
          fee.paidAt === 'submission' ? 'fee.paidAtSubmission' : 'fee.paidAtCollection',
        )}`;
  return (
    <>
      <dt>{t('fee.label')}</dt>
      <dd data-testid="confirm-fee">{amount}</dd>
      <dt>{t('fee.legalSource')}</dt>
      <dd data-testid="confirm-fee-source">{fee.legalSource}</dd>
      {fee.exemptions.length > 0 && (
        <>
          <dt>{t('fee.exemptions')}</dt>
          <dd data-testid="confirm-fee-exemptions">
            {fee.exemptions.map((exemption) => exemption[lang]).join('; ')}
          </dd>
        </>
      )}
    </>
  );
}
