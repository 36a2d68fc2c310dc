// Export files as text: YAML or JSON out (keys in the document's order, for a person reading it), and back in
// with syntax errors that name the line. The format is taken from the file's extension, else from its first byte.
import { YAMLParseError, parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { HoldoutError, type ExportFormat, type HoldoutExport } from '../../shared';

export function serializeExport(document: HoldoutExport, format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  const header = `# Holdout trial export (schema version ${document.schemaVersion}). Do not edit: the checksum covers every field.\n`;
  return header + stringifyYaml(document, { lineWidth: 0 });
}

export function formatOfFile(name: string, text: string): ExportFormat {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

export function parseExportText(text: string, file: string): { data: unknown; format: ExportFormat } {
  const format = formatOfFile(file, text);
  if (text.trim() === '') throw new HoldoutError('INVALID_DATA', `${file}: the file is empty.`, { file });
  if (format === 'json') {
    try {
      return { data: JSON.parse(text) as unknown, format };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const at = /position (\d+)/.exec(message);
      const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
      throw new HoldoutError('INVALID_DATA', `${file}${line ? `, line ${line}` : ''}: not valid JSON (${message}).`, { file, line });
    }
  }
  try {
    return { data: parseYaml(text, { prettyErrors: true, uniqueKeys: true }) as unknown, format };
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const line = err.linePos?.[0].line;
      throw new HoldoutError('INVALID_DATA', `${file}${line ? `, line ${line}` : ''}: not valid YAML (${err.message.split('\n')[0]}).`, { file, line });
    }
    throw err;
  }
}
