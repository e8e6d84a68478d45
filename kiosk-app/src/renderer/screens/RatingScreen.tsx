import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RATING_COMMENT_MAX,
  RATING_REASONS,
  SATISFACTION_LEVELS,
  type RatingReason,
  type SatisfactionLevel,
} from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';

/**
 * After the receipt: how was the visit? One tap on a level sends it; reasons and a comment are
 * optional, and "Bỏ qua" or the inactivity reset leave without rating (issue 18).
 */
export function RatingScreen() {
  const { t } = useTranslation();
  const client = useClient();
  const [level, setLevel] = useState<SatisfactionLevel | undefined>();
  const [reasons, setReasons] = useState<readonly RatingReason[]>([]);
  const [comment, setComment] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const toggle = (reason: RatingReason) =>
    setReasons((list) =>
      list.includes(reason) ? list.filter((r) => r !== reason) : [...list, reason],
    );
  return (
    <main className="screen rating" data-testid="screen-rating">
      <h1>{t('rating.heading')}</h1>
      <div className="rating-levels" role="radiogroup" aria-label={t('rating.heading')}>
        {SATISFACTION_LEVELS.map((l) => (
          <button
            key={l}
            role="radio"
            aria-checked={level === l}
            className={`big${level === l ? ' primary' : ' secondary'}`}
            data-testid={`rating-level-${l}`}
            onClick={() => setLevel(l)}
          >
            {t(`rating.levels.${l}`)}
          </button>
        ))}
      </div>
      <p>{t('rating.reasonsHeading')}</p>
      <div className="rating-reasons">
        {RATING_REASONS.map((r) => (
          <button
            key={r}
            aria-pressed={reasons.includes(r)}
            className={`chip${reasons.includes(r) ? ' selected' : ''}`}
            data-testid={`rating-reason-${r}`}
            onClick={() => toggle(r)}
          >
            {t(`rating.reasons.${r}`)}
          </button>
        ))}
      </div>
      <label>
        {t('rating.commentLabel')}
        <textarea
          data-testid="rating-comment"
          value={comment}
          maxLength={RATING_COMMENT_MAX}
          placeholder={t('rating.commentHint')}
          onFocus={() => setKeyboard(true)}
          onChange={(e) => setComment(e.target.value.slice(0, RATING_COMMENT_MAX))}
        />
      </label>
      <p className="hint">{t('rating.privacy')}</p>
      <div className="actions">
        <button
          className="secondary big"
          data-testid="rating-skip"
          onClick={() => client.send({ type: 'journey.skipRating' })}
        >
          {t('rating.skip')}
        </button>
        <button
          className="primary big"
          data-testid="rating-send"
          disabled={level === undefined}
          onClick={() =>
            level && client.send({ type: 'journey.rate', level, reasons: [...reasons], comment })
          }
        >
          {t('rating.send')}
        </button>
      </div>
      {keyboard && (
        <OnScreenKeyboard
          value={comment}
          onChange={(v) => setComment(v.slice(0, RATING_COMMENT_MAX))}
          onClose={() => setKeyboard(false)}
        />
      )}
    </main>
  );
}
