import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { ClientState, KioskClient } from './kiosk-client';

const ClientContext = createContext<KioskClient | undefined>(undefined);

export function ClientProvider({ client, children }: { client: KioskClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): KioskClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}

export function useClientState(): ClientState {
  const client = useClient();
  const [state, setState] = useState<ClientState>(client.current);
  useEffect(() => client.subscribe(setState), [client]);
  return state;
}
