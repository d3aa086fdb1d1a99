/** One part of a page (settings, a share, a rule): a card under its own heading, with a line on what it is for when it needs one. */
export function PageSection({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-zinc-200 bg-white p-5">
      <h2 id={id} className={intro ? 'font-semibold' : 'mb-3 font-semibold'}>
        {heading}
      </h2>
      {intro && <p className="mt-1 mb-4 text-sm text-zinc-600">{intro}</p>}
      {children}
    </section>
  );
}

/** What a settings page shows in place of a list that has nothing in it yet. */
export function EmptyNote({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <p className="rounded-lg bg-zinc-50 px-4 py-3 text-sm text-zinc-700" data-testid={testId}>
      {children}
    </p>
  );
}
