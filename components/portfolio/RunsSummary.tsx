import type { OpenRunCounts } from '@/lib/db/playbook-runs';
import { formatCount } from './format';

function Line({ label, counts, testId }: { label: string; counts: OpenRunCounts; testId: string }) {
  return (
    <li className="flex justify-between" data-testid={testId} data-open={counts.openRuns} data-overdue={counts.overdueSteps}>
      <span className="text-slate-600">{label}</span>
      <span className="tabular-nums">
        {formatCount(counts.openRuns)} open run{counts.openRuns === 1 ? '' : 's'} ·{' '}
        <span className={counts.overdueSteps > 0 ? 'font-medium text-red-700' : ''}>
          {formatCount(counts.overdueSteps)} overdue step{counts.overdueSteps === 1 ? '' : 's'}
        </span>
      </span>
    </li>
  );
}

/** Open playbook runs and overdue steps for the portfolio and the user's own accounts. */
export function RunsSummary({ portfolio, mine }: { portfolio: OpenRunCounts; mine: OpenRunCounts | null }) {
  return (
    <ul className="space-y-0.5 text-xs">
      <Line label="Portfolio" counts={portfolio} testId="runs-portfolio" />
      {mine ? <Line label="My accounts" counts={mine} testId="runs-mine" /> : <li className="text-[11px] text-slate-500">Set your name in Settings to see your own accounts’ runs.</li>}
    </ul>
  );
}
