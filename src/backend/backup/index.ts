// Backup and restore of the whole database: an online backup (SQLite's backup API, safe while a study runs) to a
// checked, self-contained file, and a restore that checks a file, migrates it up and swaps it in, keeping the old.
export { BackupService, type BackupServiceOptions } from './backupService';
export { checkHoldoutDatabase, type DatabaseCheck } from './databaseCheck';
