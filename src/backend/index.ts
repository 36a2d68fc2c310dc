// The Node back end shared by the Electron main process, the browser-mode server and the holdout CLI:
// SQLite store, services implementing the API contract, event bus, worker threads.
export { createBackend, type Backend, type BackendOptions } from './backend';
export { resolveDataDir, DATABASE_FILE } from './dataDir';
export { toHoldoutError, toSerializedError } from './api/errorMapping';
export type { Storage, DatasetRecord } from './storage/storage';
export { openSqliteStore } from './storage/sqliteStore';
export { appVersion, appRoot } from './appInfo';
