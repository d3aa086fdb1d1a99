/** The product's name: the same in every language. */
export const PRODUCT_NAME = 'Handoff';

// Handoff's mark: an arrow leaving a box. The same drawing is app/icon.svg.
export function LogoMark({ className = 'h-7 w-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={`shrink-0 ${className}`} aria-hidden="true">
      <rect x="1" y="1" width="30" height="30" rx="8" className="fill-zinc-900" />
      <g fill="none" strokeWidth="2.75" strokeLinecap="round" strokeLinejoin="round" className="stroke-white">
        <path d="M13 9H9v14h4" />
        <path d="M14 16h10M19.5 11.5 24 16l-4.5 4.5" />
      </g>
    </svg>
  );
}
