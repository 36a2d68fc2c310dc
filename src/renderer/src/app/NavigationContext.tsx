import { createContext, useContext, type ReactNode } from 'react';
import type { Route } from './route';

type Navigate = (route: Route) => void;

const NavigationContext = createContext<Navigate | null>(null);

export function NavigationProvider({ navigate, children }: { navigate: Navigate; children: ReactNode }) {
  return <NavigationContext.Provider value={navigate}>{children}</NavigationContext.Provider>;
}

export function useNavigate(): Navigate {
  const navigate = useContext(NavigationContext);
  if (!navigate) throw new Error('useNavigate() called outside <NavigationProvider>');
  return navigate;
}
