import type { ActionResult } from '@/lib/actions/result';

/** Why a submit was refused when no field's own error says it, announced when it appears. */
export function FormError({ state }: { state: ActionResult<unknown> | null }) {
  const isFormWide = state && !state.ok && Object.keys(state.fieldErrors ?? {}).length === 0;
  return (
    <p aria-live="polite" className="text-sm text-red-600">
      {isFormWide ? state.error : ''}
    </p>
  );
}
