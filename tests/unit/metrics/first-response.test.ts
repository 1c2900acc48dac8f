import { describe, expect, it } from 'vitest';
import { medianFirstResponse } from '@/lib/metrics/first-response';
import { median } from '@/lib/metrics/result';

const range = { fromMs: 0, toMs: 1_000 };

describe('medianFirstResponse', () => {
  it('takes the mean of the two middle values for an even count: [10, 30, 60, 240] → 45', () => {
    const tickets = [240, 10, 60, 30].map((m, i) => ({ createdAt: i, firstReplyMinutes: m }));
    expect(medianFirstResponse(tickets, range)).toEqual({ ok: true, value: { medianMinutes: 45, answered: 4, awaiting: 0, ignored: 0 } });
  });

  it('counts unanswered tickets apart and leaves out bad values and tickets outside the range', () => {
    const tickets = [
      { createdAt: 1, firstReplyMinutes: 5 }, { createdAt: 2, firstReplyMinutes: 1 }, { createdAt: 3, firstReplyMinutes: 3 },
      { createdAt: 4, firstReplyMinutes: null }, { createdAt: 5, firstReplyMinutes: -2 }, { createdAt: 6, firstReplyMinutes: Number.NaN },
      { createdAt: 1_000, firstReplyMinutes: 999 },
    ];
    expect(medianFirstResponse(tickets, range)).toEqual({ ok: true, value: { medianMinutes: 3, answered: 3, awaiting: 1, ignored: 2 } });
  });

  it('cannot compute when nothing was answered', () => {
    expect(medianFirstResponse([{ createdAt: 1, firstReplyMinutes: null }], range)).toEqual({
      ok: false,
      reason: 'cannot compute: no answered tickets in the period',
    });
  });
});

describe('median', () => {
  it('handles one value and none', () => {
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});
