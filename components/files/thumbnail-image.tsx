/**
 * A file's thumbnail, straight from the bucket by a short-lived URL. Decorative: the file's name
 * stands beside it, so screen readers skip it.
 */
export function ThumbnailImage({ url, className }: { url: string; className: string }) {
  return (
    <img
      src={url}
      alt=""
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      data-testid="thumbnail"
      className={`shrink-0 rounded bg-zinc-100 object-cover ${className}`}
    />
  );
}
