import { useTranslation } from 'react-i18next';
import { DEMO_PROCEDURE_QRS } from '@kiosk/protocol';
import { useClient, useClientState } from '../api/client-context';

/**
 * On the idle screen: "Xem thông tin thủ tục" opens the catalogue without a card; in the demo,
 * buttons that scan the procedure QRs a centre posts (one known, one unknown, one not a
 * procedure), through the same scanner path a real scan takes.
 */
export function OpenProcedureCatalogueButton() {
  const { t } = useTranslation();
  const client = useClient();
  const { session } = useClientState();
  return (
    <>
      <button
        className="secondary big"
        data-testid="open-procedure-catalogue"
        onClick={() => client.send({ type: 'journey.openProcedureCatalogue' })}
      >
        {t('procedurePage.open')}
      </button>
      {session?.demo && (
        <section className="demo-panel" aria-label={t('procedurePage.demoHeading')}>
          <div className="demo-buttons">
            {(Object.keys(DEMO_PROCEDURE_QRS) as (keyof typeof DEMO_PROCEDURE_QRS)[]).map(
              (kind) => (
                <button
                  key={kind}
                  data-testid={`demo-procedure-qr-${kind}`}
                  onClick={() =>
                    client.send({ type: 'demo.scanText', text: DEMO_PROCEDURE_QRS[kind] })
                  }
                >
                  {t(`procedurePage.demoQr.${kind}`)}
                </button>
              ),
            )}
          </div>
        </section>
      )}
    </>
  );
}
