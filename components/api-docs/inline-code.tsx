/** A description from the OpenAPI document, its `backticked` words set as code. */
export function InlineCode({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
      <code key={i} className="rounded bg-zinc-100 px-1 font-mono text-[0.9em] break-words">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}
