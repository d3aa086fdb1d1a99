export default function ShareNotFound() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">This link is not available</h1>
        <p className="mt-3 text-sm text-zinc-600">
          It may have expired or been turned off by the person who shared it, or it was not copied in full. Ask the sender for a new link.
        </p>
      </div>
    </main>
  );
}
