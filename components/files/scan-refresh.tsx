'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While files on the page are being scanned for viruses, reloads the list every two seconds so their verdicts show up. */
export function ScanRefresh() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
