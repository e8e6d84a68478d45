import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyData } from '../../protocol';
import { RequestMessage } from '../staff/RequestMessage';
import { useRequest } from '../staff/use-request';

/**
 * Technician: the kiosk settings as one JSON document. The core validates the whole document
 * and saves it atomically, or refuses it with the reason and changes nothing; secrets show as
 * a mask, and sending the mask back keeps them.
 */
export function SettingsPanel() {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState(false);
  useEffect(() => {
    void run<ReplyData['config.get']>({ type: 'config.get' }).then(
      (s) => s && setText(JSON.stringify(s, null, 2)),
    );
  }, [run]);
  const save = async () => {
    let settings: unknown;
    try {
      settings = JSON.parse(text);
    } catch {
      setParseError(true);
      return;
    }
    setParseError(false);
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      setParseError(true);
      return;
    }
    const saved = await run<ReplyData['config.set']>(
      { type: 'config.set', settings: settings as Record<string, unknown> },
      () => t('technician.saved'),
    );
    if (saved) setText(JSON.stringify(saved, null, 2));
  };
  return (
    <section data-testid="panel-settings">
      <label>
        {t('technician.settingsJson')}
        <textarea
          className="settings-editor"
          data-testid="settings-json"
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {parseError && (
        <p className="error-text" role="alert">
          {t('technician.badJson')}
        </p>
      )}
      <RequestMessage message={message} testId="settings-message" />
      <button
        type="button"
        className="primary"
        data-testid="settings-save"
        disabled={busy}
        onClick={() => void save()}
      >
        {t('technician.save')}
      </button>
    </section>
  );
}
