/** What an unknown share or request link shows: a plain card, with none of the app's own navigation. */
export function LinkNotFound({ heading, body }: { heading: string; body: string }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">{heading}</h1>
        <p className="mt-3 text-sm text-zinc-600">{body}</p>
      </div>
    </main>
  );
}
