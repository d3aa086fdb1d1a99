// proxy.ts hands each page the path it was asked for (layouts are not told), so the signed-in
// layout can send someone on to finish signing in and bring them back afterwards. The proxy
// always overwrites it: a client's own header of that name never reaches a page.
export const REQUEST_PATH_HEADER = 'x-handoff-path';
