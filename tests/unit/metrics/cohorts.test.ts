import { describe, expect, it } from 'vitest';
import { cohortRetention } from '@/lib/metrics/cohorts';
import type { Account } from '@/lib/schemas/records';

const acct = (startDate: string, arr: number, status: Account['status'] = 'active', churnDate?: string) => ({ startDate, arr, status, churnDate });

describe('cohortRetention', () => {
  it('groups by start quarter and counts who is still active on the day', () => {
    const result = cohortRetention(
      [
        acct('2024-01-15', 100),
        acct('2024-03-31', 50, 'churned', '2025-01-01'),
        acct('2024-04-01', 70, 'churned', '2025-07-01'), // churned after asOf: retained then
        acct('2023-12-31', 10),
        acct('2025-07-01', 999), // starts after asOf
        acct('bad', 1),
      ],
      '2025-06-30',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { cohort: '2023-Q4', accounts: 1, retained: 1, retentionPercent: 100, retainedArr: 10 },
        { cohort: '2024-Q1', accounts: 2, retained: 1, retentionPercent: 50, retainedArr: 100 },
        { cohort: '2024-Q2', accounts: 1, retained: 1, retentionPercent: 100, retainedArr: 70 },
      ],
    });
  });

  it('counts a churned account without a churn date as lost', () => {
    const result = cohortRetention([acct('2024-05-01', 10, 'churned'), acct('2024-05-02', 10)], '2025-01-01');
    expect(result).toMatchObject({ ok: true, value: [{ cohort: '2024-Q2', accounts: 2, retained: 1, retentionPercent: 50 }] });
  });

  it('cannot compute without accounts', () => {
    expect(cohortRetention([], '2025-01-01')).toEqual({ ok: false, reason: 'cannot compute: no account started on or before 2025-01-01' });
  });
});
