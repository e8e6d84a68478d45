import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';

/** The national portal's page of the procedure as a QR, for the citizen's phone. */
export function ProcedurePortalQr({ url }: { url: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState('');
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(url, { margin: 1, width: 220 })
      .then((data) => current && setImage(data))
      .catch(() => current && setImage(''));
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <figure className="procedure-portal-qr" data-testid="procedure-portal-qr" data-url={url}>
      {image && <img className="qr" src={image} alt={url} />}
      <figcaption>{t('procedurePage.phoneQr')}</figcaption>
    </figure>
  );
}
