import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False while the server renders and the browser hydrates, then true: lets a component render the server's HTML first. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
