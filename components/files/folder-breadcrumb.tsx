import Link from 'next/link';

type Step = { key: string; name: string; href: React.ComponentProps<typeof Link>['href'] };
type Props = {
  /** The nav's accessible name. */
  label: string;
  /** "My files": always a link, the top of every path. */
  home: string;
  /** The folders from the top down; the last one is where this page is. */
  steps: Step[];
  /** How the nav shares its row with what stands beside it. */
  className?: string;
};

/** My files / each folder of the path, and the page's heading (named after the last one). */
export function FolderBreadcrumb({ label, home, steps, className }: Props) {
  return (
    <>
      {/* The breadcrumb shows where this is; the heading names it for those who jump by headings. */}
      <h1 className="sr-only">{steps.at(-1)?.name ?? home}</h1>
      <nav aria-label={label} className={className ? `min-w-0 flex-1 ${className}` : 'min-w-0 flex-1'}>
        <ol className="flex flex-wrap items-center gap-1 text-lg font-semibold wrap-anywhere">
          <li>
            <Link href="/files" className="hover:underline">
              {home}
            </Link>
          </li>
          {steps.map((step, index) => (
            <li key={step.key} className="flex min-w-0 items-center gap-1">
              <span aria-hidden className="text-zinc-400">
                /
              </span>
              {index === steps.length - 1 ? (
                <span aria-current="page">{step.name}</span>
              ) : (
                <Link href={step.href} className="hover:underline">
                  {step.name}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
    </>
  );
}
