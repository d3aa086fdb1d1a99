import 'server-only';

/** One call's outcome within a batch: its answer, or the error that fails only that call. */
export type Settled<O> = { value: O } | { error: unknown };

/**
 * Calls made in the same turn of the event loop, run as ONE batch (`runBatch` answers each item,
 * in order): under load, many requests reach the database at once, and one statement or commit
 * for all of them costs about what one did. Each caller is answered once the batch is done; an
 * error thrown by `runBatch` itself fails the whole batch.
 */
export function together<I, O>(runBatch: (items: I[]) => Promise<Settled<O>[]>): (item: I) => Promise<O> {
  let waiting: { item: I; answer: (value: O) => void; fail: (error: unknown) => void }[] = [];
  const flush = async () => {
    const batch = waiting;
    waiting = [];
    try {
      const outcomes = await runBatch(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const outcome = outcomes[i]!;
        if ('error' in outcome) w.fail(outcome.error);
        else w.answer(outcome.value);
      });
    } catch (error) {
      for (const w of batch) w.fail(error);
    }
  };
  return (item) =>
    new Promise((answer, fail) => {
      if (waiting.push({ item, answer, fail }) === 1) setImmediate(() => void flush());
    });
}
