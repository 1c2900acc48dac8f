/**
 * The portfolio metrics as the popup and the report show them: label, formula (shown on hover), target and which
 * side of the target is good. The formulas here are the one text both pages show; lib/metrics computes them.
 */
import { DEFAULT_FORECAST_WEIGHTS } from '../metrics/renewals';
import type { Band } from '../schemas/common';
import type { MetricTargets } from '../schemas/settings';

export type MetricKey = 'nrr' | 'grr' | 'nps' | 'csat' | 'frt' | 'ttv';

export interface MetricDefinition {
  key: MetricKey;
  label: string;
  formula: string;
  /** 'above': met when the value is above the target; 'below': met when below. */
  goal: 'above' | 'below';
  target: (targets: MetricTargets) => number;
  unit: '%' | 'score' | 'min' | 'days';
}

export const METRICS: readonly MetricDefinition[] = [
  {
    key: 'nrr',
    label: 'NRR',
    formula:
      'Net revenue retention = (ARR at start + expansion − contraction − churn) ÷ ARR at start × 100, over accounts active at the period start (won opportunities closed in the period)',
    goal: 'above',
    target: (t) => t.nrrPercent,
    unit: '%',
  },
  {
    key: 'grr',
    label: 'GRR',
    formula:
      'Gross revenue retention = (ARR at start − contraction − churn) ÷ ARR at start × 100, losses capped at each account’s ARR at start, expansion not counted (≤ 100 %)',
    goal: 'above',
    target: (t) => t.grrPercent,
    unit: '%',
  },
  {
    key: 'nps',
    label: 'NPS',
    formula: 'Net Promoter Score = % promoters (9–10) − % detractors (0–6) among NPS responses dated in the period',
    goal: 'above',
    target: (t) => t.nps,
    unit: 'score',
  },
  {
    key: 'csat',
    label: 'CSAT',
    formula:
      'CSAT = good ÷ (good + bad) × 100 over Zendesk-rated tickets created in the period; the 1–5 target is read as target ÷ 5 × 100 % good',
    goal: 'above',
    target: (t) => (100 * t.csat) / 5,
    unit: '%',
  },
  {
    key: 'frt',
    label: 'First response',
    formula: 'First response time = median minutes from ticket creation to the first agent reply, tickets created in the period (unanswered ones left out)',
    goal: 'below',
    target: (t) => t.firstResponseMinutes,
    unit: 'min',
  },
  {
    key: 'ttv',
    label: 'Time to value',
    formula: 'Time to value = median days from an account’s start to its first success milestone, over accounts that started in the period and reached one',
    goal: 'below',
    target: (t) => t.timeToValueDays,
    unit: 'days',
  },
];

export const CHURN_FORMULAS = {
  logo: 'Logo churn = accounts churned in the period ÷ accounts active at the period start × 100',
  dollar: 'Dollar churn = ARR lost to churn in the period (capped at each account’s ARR at start) ÷ ARR at start × 100',
} as const;

const weight = (band: Band) => `${Math.round(DEFAULT_FORECAST_WEIGHTS[band] * 100)} %`;
export const FORECAST_FORMULA = `Forecast = Σ ARR due × chance of renewal by health band (healthy ${weight('healthy')}, at risk ${weight('at-risk')}, critical ${weight('critical')}, unknown ${weight('unknown')}); an override's score counts`;

export const SLA_FORMULA =
  'SLA compliance = tickets first answered within the tier’s target ÷ (those + tickets that missed it, answered late or still unanswered past due) × 100; tickets still within their target are not counted';

/** Whether a value meets its target. */
export function meetsTarget(definition: MetricDefinition, value: number, targets: MetricTargets): boolean {
  const target = definition.target(targets);
  return definition.goal === 'above' ? value > target : value < target;
}
