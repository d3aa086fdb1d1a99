import type { ProblemType } from '@/lib/api/problem';
import { messageTemplate } from '@/components/api-docs/message-template';

/** Each problem type under its own anchor (#problem-<slug>), the target of every problem's `type`. */
export function ProblemList({ problems }: { problems: ProblemType[] }) {
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white" data-testid="problem-types">
      {problems.map((problem) => (
        <li key={problem.slug} id={`problem-${problem.slug}`} className="scroll-mt-4 px-4 py-2.5 text-sm target:bg-amber-50">
          <p className="flex flex-wrap items-baseline gap-x-3">
            <code className="font-mono font-semibold break-all text-zinc-900">{problem.slug}</code>
            <span className="font-mono text-zinc-600">{problem.statuses.join(', ')}</span>
          </p>
          {problem.texts.map((text) => (
            <p key={text} className="text-zinc-700">
              {messageTemplate(text)}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
