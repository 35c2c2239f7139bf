import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installBrowserBridge } from './api/browser-link.ts';
import { showConnection } from './api/connection-banner.ts';
import { App } from './App.tsx';
import './ui/tokens.css';
import './ui/base.css';
import './ui/controls.css';
import './ui/overlays.css';

// The Electron preload installs window.rapport; without it we are in browser mode.
if (!window.rapport) installBrowserBridge(showConnection);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
