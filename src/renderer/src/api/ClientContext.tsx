import { createContext, useContext, type ReactNode } from 'react';
import type { HoldoutClient } from './client';

const ClientContext = createContext<HoldoutClient | null>(null);

export function ClientProvider({ client, children }: { client: HoldoutClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): HoldoutClient {
  const client = useContext(ClientContext);
  // Only reachable if a component is rendered outside the boot path in main.tsx: a programming error.
  if (!client) throw new Error('useClient() called outside <ClientProvider>');
  return client;
}
