import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLocale, storedLocale } from './i18n';

const root = document.getElementById('root');
// Someone who chose English gets it from the first paint: its catalog arrives before the app renders
// (offline, the app renders in Chinese rather than not at all).
if (root) {
  void loadLocale(storedLocale())
    .catch(() => undefined)
    .then(() =>
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
}
