/**
 * Nasty inputs and random valid settings for property-style scoring tests: bad numbers and dates, unknown plans and
 * segments, odd overrides. Deterministic (a fixed-seed generator), so a failure reproduces.
 */
import type { Plan, Segment } from '@/lib/schemas/common';
import type { Override } from '@/lib/schemas/records';
import type { HealthWeights, Settings } from '@/lib/schemas/settings';
import type { HealthInputs, ScorePoint } from '@/lib/scoring/inputs';
import { makeAccount, makeMeeting, makeNps, makeSettings, makeTicket, makeUsage, TODAY } from './fixtures';

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const NUMBERS = [0, 1, 3, 12, 250, -1, -0.5, 2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e15];
const DATES = ['2025-06-14', '2025-06-10', '2025-05-16', '2025-05-15', '2025-03-01', '2024-06-15', TODAY, '2025-06-16', '2030-01-01',
  '1999-12-31', '2025-02-29', '2025-6-1', '', 'soon'];
const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise', undefined, 'Galactic', '__proto__', 'constructor'] as (Segment | undefined)[];
const PLANS = ['Free', 'Starter', 'Professional', 'Enterprise', undefined, 'Platinum', 'toString'] as (Plan | undefined)[];

function weights(): HealthWeights {
  const a = int(0, 100);
  const b = int(0, 100 - a);
  const c = int(0, 100 - a - b);
  return { usage: a, engagement: b, adoption: c, relationship: 100 - a - b - c };
}

export function randomSettings(): Settings {
  const atRisk = int(1, 98);
  return makeSettings({
    weights: weights(),
    segmentWeights: random() < 0.5 ? { SMB: weights(), Enterprise: weights() } : {},
    bands: { atRisk, healthy: int(atRisk + 1, 100) },
    staleAfterDays: pick([1, 7, 30, 365]),
    windowDays: pick([1, 7, 30, 90, 365]),
  });
}

function override(): Override | undefined {
  if (random() < 0.5) return undefined;
  return {
    accountId: 'acc-1', score: pick([0, 55, 100, 101, -3, 2.5, Number.NaN]), reason: 'r', expiresOn: pick(DATES),
    locked: random() < 0.5, ...(random() < 0.5 ? { computedBandAtSet: pick(['healthy', 'at-risk', 'critical', 'unknown'] as const) } : {}),
    setBy: '', setAt: 0,
  };
}

/** One account's inputs, with rows of every kind (also ones the engine must set aside). */
export function randomInputs(): HealthInputs & { pastScores: ScorePoint[] } {
  return {
    account: makeAccount({ seats: pick([...NUMBERS, undefined]), plan: pick(PLANS), segment: pick(SEGMENTS), startDate: pick(DATES) }),
    usage: Array.from({ length: int(0, 6) }, () =>
      makeUsage(pick(DATES), {
        logins: pick(NUMBERS), assessments: pick(NUMBERS), reports: pick(NUMBERS), usersInvited: pick(NUMBERS), featuresUsed: pick(NUMBERS),
      }),
    ),
    tickets: Array.from({ length: int(0, 4) }, () =>
      makeTicket('2025-06-01', {
        createdAt: pick([...NUMBERS, Date.parse('2025-06-14T23:59:59Z'), Date.parse('2025-06-15T00:00:00Z'), Date.parse('2025-05-16T00:00:00Z')]),
        satisfaction: pick(['unoffered', 'offered', 'good', 'bad'] as const),
      }),
    ),
    nps: Array.from({ length: int(0, 3) }, (_, i) => makeNps(pick(DATES), pick([0, 6, 9, 10, 11, -1, 7.5, Number.NaN]), `n${i}`)),
    meetings: Array.from({ length: int(0, 4) }, (_, i) =>
      makeMeeting(pick(DATES), {
        id: `m${i}`, type: pick(['check-in', 'ebr', 'exec-sponsor'] as const), attended: random() < 0.5,
        responseDays: pick([...NUMBERS, null, undefined]),
      }),
    ),
    override: override(),
    pastScores: [{ date: '2025-06-08', score: pick([null, 0, 50, 100]) }, { date: '2025-05-16', score: pick([null, 40]) }],
  };
}
