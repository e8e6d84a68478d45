import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '@kiosk/protocol';
import { RequestMessage } from '../staff/RequestMessage';
import { useRequest } from '../staff/use-request';

/** Far above a real bundle; the core refuses anything larger than 48 KiB anyway. */
const MAX_FILE_BYTES = 64 * 1024;

/**
 * Technician: applies a signed configuration bundle file (from a USB stick, say). The core
 * verifies it (signer, target kiosk, serial, expiry) and applies all its settings at once, or
 * refuses it naming the reason and changes nothing; the screen only carries the file's text.
 */
export function SignedBundleForm({
  onApplied,
}: {
  onApplied: (settings: Reply['config.get']) => void;
}) {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [bundle, setBundle] = useState<string>();

  const choose = async (file: File | undefined) => {
    setBundle(file && file.size <= MAX_FILE_BYTES ? await file.text() : undefined);
  };
  const apply = async () => {
    if (bundle === undefined) return;
    const applied = await run({ type: 'config.apply', bundle }, (data) =>
      t('technician.bundleApplied', {
        serial: data.serial,
        changed:
          data.changed.length > 0 ? data.changed.join(', ') : t('technician.bundleUnchanged'),
      }),
    );
    if (applied) onApplied(applied.settings);
  };

  return (
    <fieldset data-testid="signed-bundle">
      <legend>{t('technician.signedBundle')}</legend>
      <label>
        {t('technician.bundleFile')}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="bundle-file"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </label>
      <RequestMessage message={message} testId="bundle-message" />
      <button
        type="button"
        data-testid="bundle-apply"
        disabled={busy || bundle === undefined}
        onClick={() => void apply()}
      >
        {t('technician.applyBundle')}
      </button>
    </fieldset>
  );
}
