/** Errors for one field, announced when they appear. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <ul id={id} aria-live="polite" className="text-sm text-red-600">
      {messages?.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
