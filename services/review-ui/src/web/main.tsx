import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { isUnauthenticated } from './api/api-client.ts';
import { App } from './app.tsx';
import { sessionKey } from './auth/session.ts';
import { initI18n } from './i18n/i18n.ts';
import './styles.css';

// A request refused because the session ended sends the person back to the login screen.
const onError = (error: unknown) => {
  if (isUnauthenticated(error)) void queryClient.invalidateQueries({ queryKey: sessionKey });
};
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      retry: (failures, error) => !isUnauthenticated(error) && failures < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const i18n = await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
