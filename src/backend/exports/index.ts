// Export of a tuned trial with its provenance (YAML or JSON, schema-checked, checksummed, written atomically),
// the export history, and re-validation of an export file on new data.
export { ExportService, type ExportServiceOptions } from './exportService';
export { canonicalJson } from './canonicalJson';
export { exportChecksum } from './exportChecksum';
export { writeFileAtomic } from './atomicWrite';
export { ExportValidator, EXPORT_SCHEMA_FILE } from './exportValidator';
export { parseExportText, serializeExport } from './exportFileCodec';
