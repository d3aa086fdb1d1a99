'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

export type MenuEntry = { label: string; onSelect: () => void; className?: string };
type Placement = { top?: number; bottom?: number; right: number };
/** Where the open menu is drawn: its position, and the element it is portalled into. */
type Opened = { placement: Placement; container: Element };

/** Entries hidden by CSS at this width (the row shows them as buttons) are skipped. */
function visibleItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])].filter((item) => item.getClientRects().length > 0);
}

function placeBelow(button: HTMLElement): Placement {
  const rect = button.getBoundingClientRect();
  const right = window.innerWidth - rect.right;
  // Rows near the bottom of the window open their menu upwards, so it is never cut off.
  return rect.bottom > window.innerHeight * 0.6 ? { bottom: window.innerHeight - rect.top + 4, right } : { top: rect.bottom + 4, right };
}

function openAt(button: HTMLElement): Opened {
  // Inside the page's main landmark, where it belongs for assistive technology.
  return { placement: placeBelow(button), container: button.closest('main') ?? document.body };
}

/**
 * A menu button (WAI-ARIA menu pattern): arrows, Home and End move, Escape and Tab close and
 * give focus back to the button. The menu is portalled out of the table with a fixed position so
 * the table's scroll box cannot clip it; it closes on scroll, as its anchor moves.
 */
export function ActionMenu({ label, entries }: { label: string; entries: MenuEntry[] }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();
  const isOpen = opened !== null;

  function close(returnFocus: boolean) {
    setOpened(null);
    if (returnFocus) button.current?.focus();
  }

  useEffect(() => {
    if (!isOpen) return;
    visibleItems(menu.current)[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    const onMove = () => close(false);
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('resize', onMove);
    window.addEventListener('scroll', onMove, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('resize', onMove);
      window.removeEventListener('scroll', onMove, true);
    };
  }, [isOpen]);

  function onKeyDown(event: React.KeyboardEvent) {
    const items = visibleItems(menu.current);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const moveTo = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (moveTo !== undefined) {
      event.preventDefault();
      items[(moveTo + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close(true);
    }
  }

  return (
    <>
      <button
        ref={button}
        id={buttonId}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => (isOpen ? close(true) : setOpened(openAt(button.current!)))}
        className="inline-flex size-8 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900"
      >
        <svg width={18} height={18} viewBox="0 0 24 24" fill="currentColor" aria-hidden>
          <circle cx="12" cy="5" r="1.75" />
          <circle cx="12" cy="12" r="1.75" />
          <circle cx="12" cy="19" r="1.75" />
        </svg>
      </button>
      {opened &&
        createPortal(
          <div
            ref={menu}
            id={menuId}
            role="menu"
            tabIndex={-1}
            aria-labelledby={buttonId}
            onKeyDown={onKeyDown}
            style={opened.placement}
            className="fixed z-50 min-w-40 rounded-lg border border-zinc-200 bg-white py-1 text-sm text-zinc-900 shadow-lg"
          >
            {entries.map((entry) => (
              <button
                key={entry.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  // Focus goes back to the menu button first, so a dialog opened next returns it there.
                  close(true);
                  entry.onSelect();
                }}
                className={`block w-full px-3 py-1.5 text-left hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none ${entry.className ?? ''}`}
              >
                {entry.label}
              </button>
            ))}
          </div>,
          opened.container,
        )}
    </>
  );
}
