/** Number formats shared by the popup and the report. */
import type { Band } from '@/lib/schemas/common';
import type { MetricDefinition } from '@/lib/portfolio/definitions';

export const BAND_LABEL: Record<Band, string> = { healthy: 'Healthy', 'at-risk': 'At risk', critical: 'Critical', unknown: 'No score' };
export const BAND_FILL: Record<Band, string> = { healthy: 'bg-green-600', 'at-risk': 'bg-amber-500', critical: 'bg-red-600', unknown: 'bg-slate-300' };
export const BAND_COLOR: Record<Band, string> = { healthy: '#16a34a', 'at-risk': '#f59e0b', critical: '#dc2626', unknown: '#cbd5e1' };

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return whole.format(n);
}

/** $1.2M, $48k, $900: short enough for a popup line. */
export function formatMoney(amount: number): string {
  const abs = Math.abs(amount);
  if (abs >= 1e6) return `$${oneDecimal.format(amount / 1e6)}M`;
  if (abs >= 1e4) return `$${whole.format(amount / 1e3)}k`;
  return `$${whole.format(amount)}`;
}

export function formatPercent(value: number): string {
  return `${oneDecimal.format(value)} %`;
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${whole.format(minutes)} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** A metric's value in its unit. */
export function formatMetric(definition: Pick<MetricDefinition, 'unit'>, value: number): string {
  switch (definition.unit) {
    case '%':
      return formatPercent(value);
    case 'score':
      return oneDecimal.format(value);
    case 'min':
      return formatMinutes(value);
    case 'days':
      return `${oneDecimal.format(value)} d`;
  }
}

/** The target as a condition: "> 110.0 %", "< 4 h". */
export function formatTarget(definition: Pick<MetricDefinition, 'unit' | 'goal'>, target: number): string {
  return `${definition.goal === 'above' ? '>' : '<'} ${formatMetric(definition, target)}`;
}

export function formatDelta(delta: number | null): string {
  if (delta === null) return '—';
  return `${delta > 0 ? '▲' : delta < 0 ? '▼' : '●'}${Math.abs(delta)}`;
}
