import { LogoMark } from '@/components/ui/logo-mark';

/** The card of the app's own 404 and error pages: the mark, what happened, and ways on. */
export function StatusCard({ title, children, actions }: { title: string; children: React.ReactNode; actions: React.ReactNode }) {
  return (
    <div className="mx-auto my-10 w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
      <LogoMark className="mx-auto h-10 w-10" />
      <h1 className="mt-4 text-xl font-semibold">{title}</h1>
      <div className="mt-3 space-y-3 text-sm break-words text-zinc-600">{children}</div>
      <div className="mt-6 flex flex-wrap justify-center gap-3">{actions}</div>
    </div>
  );
}
