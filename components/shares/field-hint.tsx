import type { ReactNode } from 'react';

/** The quieter "(optional)" after a label's words: the <hint> tag of a rich message. */
export const fieldHint = (chunks: ReactNode) => <span className="font-normal text-zinc-500">{chunks}</span>;
