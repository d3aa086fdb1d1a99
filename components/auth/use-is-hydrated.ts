import { useSyncExternalStore } from 'react';

const never = () => () => {};

/** False in the server's HTML and until React runs in the browser: for controls that need script. */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
