import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/react';
import type { ReactNode } from 'react';

// The worker answers from memory: no retries (a failure is real) and no refetch on focus.
const client = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

/** App-wide providers. */
export function Providers(props: { readonly children: ReactNode }) {
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>{props.children}</QueryClientProvider>
    </NuqsAdapter>
  );
}
