import type { OpenRunCounts } from '@/lib/playbooks/runs';
import { formatCount } from './format';

function Row({ label, counts, testId }: { label: string; counts: OpenRunCounts; testId: string }) {
  return (
    <tr data-testid={testId} data-open={counts.openRuns} data-overdue={counts.overdueSteps}>
      <td className="whitespace-nowrap text-slate-600">{label}</td>
      <td className="text-right">{formatCount(counts.openRuns)}</td>
      <td className={`text-right ${counts.overdueSteps > 0 ? 'font-medium text-red-700' : ''}`}>{formatCount(counts.overdueSteps)}</td>
    </tr>
  );
}

/** Open playbook runs and overdue steps for the portfolio and the user's own accounts. */
export function RunsSummary({ portfolio, mine }: { portfolio: OpenRunCounts; mine: OpenRunCounts | null }) {
  return (
    <table className="w-full text-xs tabular-nums">
      <thead>
        <tr className="text-left text-[11px] text-slate-500">
          <th className="font-normal">
            <span className="sr-only">Accounts</span>
          </th>
          <th className="text-right font-normal">Open runs</th>
          <th className="whitespace-nowrap text-right font-normal" title="Steps of open runs past their due date">Overdue</th>
        </tr>
      </thead>
      <tbody>
        <Row label="Portfolio" counts={portfolio} testId="runs-portfolio" />
        {mine ? (
          <Row label="My accounts" counts={mine} testId="runs-mine" />
        ) : (
          <tr>
            <td colSpan={3} className="text-[11px] text-slate-500">
              Set your name in Settings to see your own accounts’ runs.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
