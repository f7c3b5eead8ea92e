/** Starts the screen: connects to the core (preload bridge or loopback test host) and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('Minute Book could not start: the page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App api={connectApi()} />
  </StrictMode>,
);
