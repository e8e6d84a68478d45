import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, CommandOf, MessageType, Reply } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { RequestFailed } from '../api/kiosk-client';

/** Sends staff/technician requests and keeps the last outcome as a message for the screen. */
export function useRequest() {
  const client = useClient();
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <K extends MessageType>(
      command: CommandOf<K>,
      success?: (data: Reply[K]) => string,
      /** Its own text for a refusal it knows (e.g. in Vietnamese), else the core's message. */
      explain?: (error: ApiError) => string | undefined,
    ): Promise<Reply[K] | undefined> => {
      setBusy(true);
      try {
        const data = await client.request(command);
        // A plain load (no success text) keeps the outcome of the action before it on screen.
        if (success) setMessage({ text: success(data), error: false });
        return data;
      } catch (error) {
        const own = error instanceof RequestFailed ? explain?.(error.error) : undefined;
        const text = error instanceof Error ? error.message : String(error);
        setMessage({ text: own ?? t('staffMode.failed', { message: text }), error: true });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [client, t],
  );
  const clear = useCallback(() => setMessage(undefined), []);
  return { run, message, busy, clear };
}
