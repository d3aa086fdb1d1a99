'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A link of the app's navigation. Inside a popover (the phones' account menu), choosing it closes that
 * popover, as the layout stays on screen across client navigations. */
export function NavLink({ href, section = href, children }: { href: string; /** Where it is current: below this path. */ section?: string; children: React.ReactNode }) {
  const isCurrent = usePathname().startsWith(section);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? 'page' : undefined}
      onClick={(event) => event.currentTarget.closest<HTMLElement>('[popover]')?.hidePopover()}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${isCurrent ? 'bg-zinc-100 text-zinc-900' : 'text-zinc-600 hover:text-zinc-900'}`}
    >
      {children}
    </Link>
  );
}
