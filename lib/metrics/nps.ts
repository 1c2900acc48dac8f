/**
 * Net Promoter Score over a period: % promoters (9–10) − % detractors (0–6) among the period's responses, from
 * −100 to 100. Every response counts once; a response whose score is not a whole number 0–10 is left out and
 * counted in `ignored`. No response in the period → cannot compute.
 */
import type { NpsResponse } from '../schemas/records';
import { isIsoDate } from '../scoring/dates';
import { cannot, periodProblem, type MetricResult, type Period } from './result';

export interface NpsValue {
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  ignored: number;
}

export function netPromoterScore(responses: readonly Pick<NpsResponse, 'score' | 'date'>[], period: Period): MetricResult<NpsValue> {
  const problem = periodProblem(period);
  if (problem) return cannot(problem);
  const value: NpsValue = { score: 0, promoters: 0, passives: 0, detractors: 0, responses: 0, ignored: 0 };
  for (const r of responses) {
    if (!isIsoDate(r.date) || r.date < period.start || r.date > period.end) continue;
    if (!(Number.isInteger(r.score) && r.score >= 0 && r.score <= 10)) {
      value.ignored++;
      continue;
    }
    value.responses++;
    if (r.score >= 9) value.promoters++;
    else if (r.score >= 7) value.passives++;
    else value.detractors++;
  }
  if (value.responses === 0) return cannot('no NPS responses in the period');
  value.score = (100 * (value.promoters - value.detractors)) / value.responses;
  return { ok: true, value };
}
