/**
 * Relationship factor: meetings over the last settings.indicators.meetingLookbackDays days (today included).
 *
 * Normalisation:
 * - attendance: 100 × Σ weight × attended / Σ weight, where an EBR or exec-sponsor meeting weighs
 *   indicators.execMeetingWeight and any other meeting 1. No meeting in the lookback while older meetings exist
 *   scores 0 (the relationship went quiet); no meeting ever is N/A.
 * - responsiveness: the mean over the lookback's meetings that record responseDays of: 100 at or below
 *   responseDaysFull, 0 at or above responseDaysZero or when the customer never answered (null), linear between.
 *   N/A when no meeting records it.
 */
import type { IsoDate } from '../schemas/common';
import type { Meeting } from '../schemas/records';
import { addDaysIso } from './dates';
import { factorOf, fmt, indicator, notAvailable, type FactorResult, type IndicatorResult } from './factor';
import type { ScoringContext } from './inputs';

const EXEC_TYPES: ReadonlySet<Meeting['type']> = new Set(['ebr', 'exec-sponsor']);

export function relationshipFactor(ctx: ScoringContext): FactorResult {
  const { indicators } = ctx.settings;
  const lookback = indicators.meetingLookbackDays;
  const from = addDaysIso(ctx.today, -(lookback - 1));
  const attendanceLabel = `Meetings attended, last ${lookback} days (%)`;
  const responseLabel = `Days to answer an invitation, last ${lookback} days`;

  let newestDate: IsoDate | null = null;
  for (const m of ctx.meetings) if (newestDate === null || m.date > newestDate) newestDate = m.date;
  const recent = ctx.meetings.filter((m) => m.date >= from);

  let attendance: IndicatorResult;
  if (ctx.meetings.length === 0) attendance = notAvailable(ctx, 'attendance', attendanceLabel, 'no meetings on record');
  else if (recent.length === 0) {
    attendance = indicator(ctx, {
      key: 'attendance', label: attendanceLabel, value: 0, expected: 100, score: 0, newestDate,
      note: `no meeting in the last ${lookback} days`,
    });
  } else {
    let total = 0;
    let attended = 0;
    let execHeld = 0;
    for (const m of recent) {
      const weight = EXEC_TYPES.has(m.type) ? indicators.execMeetingWeight : 1;
      total += weight;
      if (m.attended) {
        attended += weight;
        if (EXEC_TYPES.has(m.type)) execHeld++;
      }
    }
    const share = (100 * attended) / total;
    attendance = indicator(ctx, {
      key: 'attendance', label: attendanceLabel, value: share, expected: 100, score: share, newestDate,
      note: `${recent.filter((m) => m.attended).length} of ${recent.length} attended, ${execHeld} with an executive ` +
        `(EBR and exec-sponsor meetings count ×${fmt(indicators.execMeetingWeight)})`,
    });
  }

  const full = indicators.responseDaysFull;
  const zero = indicators.responseDaysZero;
  const answers: number[] = [];
  let scoreSum = 0;
  let counted = 0;
  for (const m of recent) {
    if (m.responseDays === undefined) continue;
    if (m.responseDays === null) {
      counted++;
      continue;
    }
    answers.push(m.responseDays);
    counted++;
    scoreSum += m.responseDays <= full ? 100 : m.responseDays >= zero ? 0 : (100 * (zero - m.responseDays)) / (zero - full);
  }
  const responsiveness =
    counted === 0
      ? notAvailable(ctx, 'responsiveness', responseLabel, 'no recorded answer times', newestDate)
      : indicator(ctx, {
          key: 'responsiveness',
          label: responseLabel,
          value: answers.length ? answers.reduce((a, b) => a + b, 0) / answers.length : null,
          expected: full,
          score: scoreSum / counted,
          newestDate,
          note: `${answers.length} answered, ${counted - answers.length} never answered; ≤${fmt(full)} d scores 100, ≥${fmt(zero)} d scores 0`,
        });

  return factorOf([attendance, responsiveness]);
}
