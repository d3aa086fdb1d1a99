'use client';

import { useTransition, type FormHTMLAttributes, type Ref } from 'react';

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'onSubmit'> & { action: (form: FormData) => void; ref?: Ref<HTMLFormElement> };

/**
 * A form for a useActionState action that keeps what was typed. Given to <form action>, React
 * resets the form once the action has run, so a refused submission would lose its fields (and a
 * controlled select would show its first option while its state says otherwise).
 */
export function ActionForm({ action, ...props }: Props) {
  const [, startTransition] = useTransition();
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        // With the button that was pressed, as a native submit would send it (name="intent" etc.).
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => action(data));
      }}
    />
  );
}
