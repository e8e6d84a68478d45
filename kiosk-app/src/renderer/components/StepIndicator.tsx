import { useTranslation } from 'react-i18next';
import type { JourneyStep } from '@kiosk/protocol';

const STEPS = ['identify', 'procedure', 'form', 'confirm', 'receipt'] as const;

function indexOf(step: JourneyStep): number {
  switch (step) {
    case 'identifying':
    case 'identifyFailed':
      return 0;
    case 'choosingProcedure':
      return 1;
    case 'reviewingForm':
      return 2;
    case 'confirming':
    case 'submitting':
    case 'submitFailed':
      return 3;
    default:
      return 4;
  }
}

export function StepIndicator({ step }: { step: JourneyStep }) {
  const { t } = useTranslation();
  const current = indexOf(step);
  return (
    <ol className="steps" aria-label={t('steps.label')}>
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={i === current ? 'current' : i < current ? 'past' : ''}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="dot">{i + 1}</span> {t(`steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}
