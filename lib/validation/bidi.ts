// Unicode bidirectional formatting characters. An override or isolate inside a name makes it
// display in another order than it is stored: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf",
// in the app and in emails. No name needs them, so names lose them all (the marks too);
// free text (messages) loses the embeddings, overrides and isolates, keeping the marks that
// right-to-left writing uses. Shared by the server's validation and the upload panel's display.

/** Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const EMBEDDINGS_OVERRIDES_ISOLATES = /[\u202A-\u202E\u2066-\u2069]/g;
/** Left-to-right, right-to-left and Arabic letter marks. */
const MARKS = /[\u200E\u200F\u061C]/g;

export function stripBidiFromText(text: string): string {
  return text.replace(EMBEDDINGS_OVERRIDES_ISOLATES, '');
}

export function stripBidiFromName(name: string): string {
  return stripBidiFromText(name).replace(MARKS, '');
}
