// A small RFC 4180 reader for previews: quoted fields (with "" for a quote, commas and line breaks
// inside), CRLF or LF. It stops at `maxRows`; a preview shows a table's start, not all of it.

export type CsvTable = { rows: string[][]; isCut: boolean };

export function parseCsv(text: string, maxRows: number, maxColumns: number): CsvTable {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  let isCut = false;
  const endRow = () => {
    row.push(cell);
    if (row.length > maxColumns) isCut = true;
    rows.push(row.slice(0, maxColumns));
    row = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else cell += c;
    } else if (c === '"' && cell === '') inQuotes = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      if (rows.length === maxRows) return { rows, isCut: isCut || i + 1 < text.length };
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) endRow();
  return { rows, isCut };
}
