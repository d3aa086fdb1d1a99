// Thumbnails are drawn here, in the uploader's browser, so the server never decodes anyone's
// image or video. Anything that goes wrong just means no thumbnail: the upload stands.
import { THUMBNAIL_MAX_BYTES, THUMBNAIL_MAX_SIDE, type ThumbnailType } from '@/lib/files/thumbnail-rules';

// SVG is left out on purpose: it would draw, but it is a document, not a picture.
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);
const GIVE_UP_AFTER_MS = 10_000;

export type Thumbnail = { blob: Blob; type: ThumbnailType };
type Frame = { source: CanvasImageSource; width: number; height: number; release: () => void };

export function canHaveThumbnail(file: File): boolean {
  return IMAGE_TYPES.has(file.type) || file.type.startsWith('video/');
}

/** A WebP (or JPEG where the browser cannot write WebP) at most 320 px on its long side, or null. */
export async function makeThumbnail(file: File): Promise<Thumbnail | null> {
  if (!canHaveThumbnail(file)) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tooSlow = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), GIVE_UP_AFTER_MS)));
  try {
    return await Promise.race([drawThumbnail(file), tooSlow]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

async function drawThumbnail(file: File): Promise<Thumbnail | null> {
  const frame = file.type.startsWith('video/') ? await videoFrame(file) : await imageFrame(file);
  try {
    const scale = Math.min(1, THUMBNAIL_MAX_SIDE / Math.max(frame.width, frame.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(frame.width * scale));
    canvas.height = Math.max(1, Math.round(frame.height * scale));
    canvas.getContext('2d')?.drawImage(frame.source, 0, 0, canvas.width, canvas.height);
    return await encode(canvas);
  } finally {
    frame.release();
  }
}

async function imageFrame(file: File): Promise<Frame> {
  const bitmap = await createImageBitmap(file);
  return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
}

/** The frame at 1 s, or at a tenth of the video when it is shorter than 10 s. */
async function videoFrame(file: File): Promise<Frame> {
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  const release = () => {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  };
  try {
    video.muted = true;
    video.preload = 'auto';
    video.src = url;
    await nextEvent(video, 'loadeddata');
    // Recordings made in a browser often carry no duration (Infinity): then 1 s, as for long ones.
    const at = Number.isFinite(video.duration) ? Math.min(1, video.duration / 10) : 1;
    if (at > 0) {
      video.currentTime = at;
      await nextEvent(video, 'seeked');
    }
    if (!video.videoWidth || !video.videoHeight) throw new Error('no picture');
    return { source: video, width: video.videoWidth, height: video.videoHeight, release };
  } catch (error) {
    release();
    throw error;
  }
}

function nextEvent(video: HTMLVideoElement, name: 'loadeddata' | 'seeked'): Promise<void> {
  return new Promise((resolve, reject) => {
    video.addEventListener(name, () => resolve(), { once: true });
    video.addEventListener('error', () => reject(new Error('cannot decode')), { once: true });
  });
}

/** WebP first; lower quality while it is over the cap; JPEG where the browser writes no WebP. */
async function encode(canvas: HTMLCanvasElement): Promise<Thumbnail | null> {
  for (const type of ['image/webp', 'image/jpeg'] as const) {
    for (const quality of [0.8, 0.6, 0.4]) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
      // A browser that cannot write a type hands back a PNG instead.
      if (!blob || blob.type !== type) break;
      if (blob.size > 0 && blob.size <= THUMBNAIL_MAX_BYTES) return { blob, type };
    }
  }
  return null;
}
