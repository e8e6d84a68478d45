import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClientProvider } from './api/client-context';
import { KioskClient } from './api/kiosk-client';
import { App } from './App';
import { kioskDpi } from './components/touch-target';
import { setupI18n } from './i18n/i18n';
import './styles.css';
import './display/focus-ring.css';

setupI18n();
// Touch targets are sized in millimetres of the kiosk's own panel (styles.css, --touch-target).
document.documentElement.style.setProperty('--kiosk-dpi', String(kioskDpi(window.location.search)));
const client = KioskClient.forWindow(window);
client.connect();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ClientProvider client={client}>
        <App />
      </ClientProvider>
    </StrictMode>,
  );
}
