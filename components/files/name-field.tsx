import { field, label as labelStyle } from '@/components/ui/styles';

type Props = { id: string; errorId: string; label: string; defaultValue?: string; error: string };

/** The name of a file or folder being made or renamed, and beneath it why the server refused it. */
export function NameField({ id, errorId, label, defaultValue, error }: Props) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelStyle}>
        {label}
      </label>
      <input id={id} name="name" defaultValue={defaultValue} required maxLength={255} className={field} autoFocus aria-describedby={errorId} />
      <p id={errorId} aria-live="polite" className="text-sm text-red-600">
        {error}
      </p>
    </div>
  );
}
