import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { initI18n } from '../i18n';
import { useUiStore } from '../state/uiStore';
import { router } from './routes';
import './styles.css';

initI18n(useUiStore.getState().language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
