// Data on stdout, messages on stderr (clig.dev): with --json, stdout gets one JSON document.

export function printJson(value) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines) {
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
}

export function note(message) {
  process.stderr.write(`${message}\n`);
}

export function formatBytes(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** "2026-12-31 18:00 UTC": one zone for every reader of a job's log. */
export function formatDate(iso) {
  if (!iso) return '-';
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Columns padded to their widest cell. */
export function table(rows) {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => String(row[column]).length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? String(cell) : String(cell).padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
}
