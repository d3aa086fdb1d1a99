// What a thumbnail may be, known to both the browser that makes one and the server that signs
// its upload (so this module holds no server code).

/** Small enough that a page of them costs little; a 320 px WebP is usually 5 to 30 KiB. */
export const THUMBNAIL_MAX_BYTES = 64 * 1024;
export const THUMBNAIL_MAX_SIDE = 320;

/** The types a thumbnail is stored as, and the ending of its key for each. */
export const THUMBNAIL_TYPES = { 'image/webp': 'webp', 'image/jpeg': 'jpg' } as const;
export type ThumbnailType = keyof typeof THUMBNAIL_TYPES;

export function isThumbnailType(type: string): type is ThumbnailType {
  return Object.hasOwn(THUMBNAIL_TYPES, type);
}
