/** Problems found in a file, each naming file, row and column; long lists are cut with the exact total shown. */
import { describeProblem, type ImportProblem } from '@/lib/import/problems';

export interface ProblemListProps {
  title: string;
  problems: readonly ImportProblem[];
  total: number;
  testId: string;
}

const SHOWN = 50;

export function ProblemList({ title, problems, total, testId }: ProblemListProps) {
  if (total === 0) return null;
  return (
    <section className="my-3" data-testid={testId}>
      <h4 className="font-medium text-red-800">
        {title} ({total.toLocaleString()})
      </h4>
      <ul className="mt-1 max-h-60 list-disc overflow-auto pl-5 text-red-900">
        {problems.slice(0, SHOWN).map((problem, index) => (
          <li key={index}>{describeProblem(problem)}</li>
        ))}
      </ul>
      {total > Math.min(problems.length, SHOWN) && (
        <p className="text-slate-600">…and {(total - Math.min(problems.length, SHOWN)).toLocaleString()} more.</p>
      )}
    </section>
  );
}
