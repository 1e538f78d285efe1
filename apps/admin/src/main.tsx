import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { App } from './App';

// Our own router, so navigation is synchronous: react-admin turns transitions off with a
// react-router 6 flag that react-router 7 ignores, and with transitions the redirect to the
// login page is starved by the auth re-checks of a sign-out for seconds (marmelab/react-admin#10764).
const router = createHashRouter([{ path: '*', element: <App /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} useTransitions={false} />
  </StrictMode>,
);
