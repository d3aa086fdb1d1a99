'use client';

import { button } from '@/components/ui/styles';
import { useServerAction } from '@/components/ui/use-server-action';

type Props = {
  label: string;
  pending: string;
  /** Asked first (the browser's own confirm) for what cannot be undone; none for what can. */
  confirm?: string;
  action: () => Promise<{ ok: true } | { ok: false; error: string }>;
  onDone?: () => void;
  style: 'secondary' | 'danger';
  /** In a row of other controls (the error beside it), rather than on a line of its own (the error below). */
  isInline?: boolean;
};

/** A button that runs one server action after a confirmation, with the action's error announced next to it. */
export function ActionButton({ label, pending, confirm, action, onDone, style, isInline = false }: Props) {
  const { error, isPending, run } = useServerAction();
  const onClick = () => {
    if (!confirm || window.confirm(confirm)) run(action, onDone);
  };
  const Box = isInline ? 'span' : 'div';
  const Message = isInline ? 'span' : 'p';
  return (
    <Box className={isInline ? 'flex items-center gap-2' : 'space-y-2'}>
      <button type="button" onClick={onClick} disabled={isPending} className={button[style]}>
        {isPending ? pending : label}
      </button>
      <Message aria-live="polite" className="text-sm text-red-600">
        {error}
      </Message>
    </Box>
  );
}
