// CSV as RFC 4180 writes it: fields with a comma, quote, CR or LF are quoted and their quotes
// doubled; records end in CRLF. The file starts with a UTF-8 byte order mark so spreadsheet
// programs read Cyrillic as UTF-8 instead of the system's legacy code page.

export const UTF8_BOM = '\uFEFF'

function field(value: string | number | boolean): string {
  const s = String(value)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvRow(values: ReadonlyArray<string | number | boolean>): string {
  return `${values.map(field).join(',')}\r\n`
}
