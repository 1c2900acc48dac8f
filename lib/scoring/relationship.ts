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
import { factorOf, fmt, indicator, meanScore, notAvailable, type FactorResult, type IndicatorResult } from './factor';
import type { ScoringContext } from './inputs';

const EXEC_TYPES: ReadonlySet<Meeting['type']> = new Set(['ebr', 'exec-sponsor']);

/** What both the score and its explanation are made of: the lookback's meetings, attendance and answer times. */
function relationshipMeasures(ctx: ScoringContext) {
  const { indicators } = ctx.settings;
  const from = addDaysIso(ctx.today, -(indicators.meetingLookbackDays - 1));
  const recent = ctx.meetings.filter((m) => m.date >= from);
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
  // No meeting in the lookback while older ones exist scores 0; no meeting ever is N/A.
  const attendance = ctx.meetings.length === 0 ? null : recent.length === 0 ? 0 : (100 * attended) / total;
  return { recent, execHeld, answers, counted, attendance, responsiveness: counted === 0 ? null : scoreSum / counted };
}

/** relationshipFactor's score without its explanation (rescoring). */
export function relationshipScore(ctx: ScoringContext): number | null {
  const { attendance, responsiveness } = relationshipMeasures(ctx);
  return meanScore([attendance, responsiveness]);
}

export function relationshipFactor(ctx: ScoringContext): FactorResult {
  const { indicators } = ctx.settings;
  const lookback = indicators.meetingLookbackDays;
  const attendanceLabel = `Meetings attended, last ${lookback} days (%)`;
  const responseLabel = `Days to answer an invitation, last ${lookback} days`;

  let newestDate: IsoDate | null = null;
  for (const m of ctx.meetings) if (newestDate === null || m.date > newestDate) newestDate = m.date;
  const measures = relationshipMeasures(ctx);
  const { recent, execHeld, answers, counted } = measures;

  let attendance: IndicatorResult;
  if (measures.attendance === null) attendance = notAvailable(ctx, 'attendance', attendanceLabel, 'no meetings on record');
  else if (recent.length === 0) {
    attendance = indicator(ctx, {
      key: 'attendance', label: attendanceLabel, value: 0, expected: 100, score: 0, newestDate,
      note: `no meeting in the last ${lookback} days`,
    });
  } else {
    attendance = indicator(ctx, {
      key: 'attendance', label: attendanceLabel, value: measures.attendance, expected: 100, score: measures.attendance, newestDate,
      note: `${recent.filter((m) => m.attended).length} of ${recent.length} attended, ${execHeld} with an executive ` +
        `(EBR and exec-sponsor meetings count ×${fmt(indicators.execMeetingWeight)})`,
    });
  }

  const responsiveness =
    measures.responsiveness === null
      ? notAvailable(ctx, 'responsiveness', responseLabel, 'no recorded answer times', newestDate)
      : indicator(ctx, {
          key: 'responsiveness',
          label: responseLabel,
          value: answers.length ? answers.reduce((a, b) => a + b, 0) / answers.length : null,
          expected: indicators.responseDaysFull,
          score: measures.responsiveness,
          newestDate,
          note: `${answers.length} answered, ${counted - answers.length} never answered; ` +
            `≤${fmt(indicators.responseDaysFull)} d scores 100, ≥${fmt(indicators.responseDaysZero)} d scores 0`,
        });

  return factorOf([attendance, responsiveness]);
}
