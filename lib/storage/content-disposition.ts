// RFC 6266 with an RFC 5987 UTF-8 form: `filename` is an ASCII fallback for old clients,
// `filename*` carries the real name.
export function attachmentDisposition(filename: string): string {
  return disposition('attachment', filename);
}

/** For previews: shown in the page, and saved under its real name if the person saves it. */
export function inlineDisposition(filename: string): string {
  return disposition('inline', filename);
}

function disposition(type: 'attachment' | 'inline', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'download';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
