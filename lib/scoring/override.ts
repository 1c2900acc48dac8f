/**
 * A CSM's override of an account's score. The computed score is always kept beside it.
 *
 * - An override applies through its `expiresOn` day; from the day after, it is ignored (expired).
 * - A locked override applies until it expires, whatever rescoring finds.
 * - An unlocked override is the CSM's judgement of the situation at the time: once the computed band differs from
 *   the band when it was set (`computedBandAtSet`), the situation changed and the override lapses. It stops
 *   applying at once, and the next rescoring deletes it, so it stays gone if the band later moves back.
 */
import type { Band, IsoDate } from '../schemas/common';
import { Override } from '../schemas/records';
import { isIsoDate } from './dates';

export type OverrideState =
  | { state: 'none' }
  | { state: 'applied' | 'expired' | 'lapsed' | 'ignored'; override: Override; why: string };

export function resolveOverride(override: Override | undefined, computedBand: Band, today: IsoDate): OverrideState {
  if (!override) return { state: 'none' };
  if (!(Number.isInteger(override.score) && override.score >= 0 && override.score <= 100)) {
    return { state: 'ignored', override, why: `the override's score ${String(override.score)} is not a whole number from 0 to 100` };
  }
  if (!isIsoDate(override.expiresOn) || override.expiresOn < today) {
    return { state: 'expired', override, why: `expired on ${String(override.expiresOn)}` };
  }
  if (!override.locked && override.computedBandAtSet !== undefined && override.computedBandAtSet !== computedBand) {
    return {
      state: 'lapsed',
      override,
      why: `the computed band moved from ${override.computedBandAtSet} to ${computedBand} since it was set; an unlocked override lapses when that happens`,
    };
  }
  return {
    state: 'applied',
    override,
    why: `set by ${override.setBy || 'someone'}: ${override.reason} (until ${override.expiresOn}${override.locked ? ', locked' : ''})`,
  };
}

export interface OverrideDraft {
  accountId: string;
  score: number;
  reason: string;
  expiresOn: string;
  locked: boolean;
}

export type CreateOverrideResult =
  | { ok: true; override: Override }
  | { ok: false; issues: { field: string; message: string }[] };

/** Validates a CSM's override and stamps it with who, when, and the computed band it was set against. */
export function createOverride(
  draft: OverrideDraft,
  computedBand: Band,
  setBy: string,
  setAt: number,
  today: IsoDate,
): CreateOverrideResult {
  const parsed = Override.safeParse({ ...draft, setBy, setAt, computedBandAtSet: computedBand });
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) };
  }
  if (parsed.data.expiresOn < today) {
    return { ok: false, issues: [{ field: 'expiresOn', message: 'the expiry date is in the past' }] };
  }
  return { ok: true, override: parsed.data };
}
