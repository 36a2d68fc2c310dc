import { createContext, useContext, type ReactNode } from 'react';
import { useImportController, type ImportController } from './useImportController';

const ImportContext = createContext<ImportController | null>(null);

export function ImportProvider({ children }: { children: ReactNode }) {
  return <ImportContext.Provider value={useImportController()}>{children}</ImportContext.Provider>;
}

export function useImport(): ImportController {
  const controller = useContext(ImportContext);
  if (!controller) throw new Error('useImport() called outside <ImportProvider>');
  return controller;
}
