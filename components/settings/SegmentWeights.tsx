/**
 * Optional health weights per segment: a segment either uses the team's weights or has its own four, which must
 * add up to 100 like the team's (the sum shows live, the error sits on the segment's row).
 */
import type { Segment } from '@/lib/schemas/common';
import type { FactorKey } from '@/lib/schemas/settings';
import { FACTORS, SEGMENTS, type SettingsDraft, weightSum } from './settings-form';
import { TextField } from './TextField';

export interface SegmentWeightsProps {
  draft: SettingsDraft['segmentWeights'];
  factorLabels: Readonly<Record<FactorKey, string>>;
  errors: Readonly<Record<string, string>>;
  onToggle: (segment: Segment, own: boolean) => void;
  onChange: (segment: Segment, factor: FactorKey, value: string) => void;
}

export function SegmentWeights({ draft, factorLabels, errors, onToggle, onChange }: SegmentWeightsProps) {
  return (
    <div className="flex w-full flex-col gap-2">
      {SEGMENTS.map((segment) => {
        const entry = draft[segment];
        const groupError = errors[`segmentWeights.${segment}`];
        return (
          <div key={segment} className={`rounded border p-2 ${groupError ? 'border-red-400' : 'border-slate-100'}`} data-testid={`segment-weights-${segment}`}>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={entry.own} onChange={(event) => onToggle(segment, event.target.checked)} data-testid={`setting-segmentWeights-${segment}-own`} />
              <span>
                <strong>{segment}</strong> {entry.own ? 'uses its own weights' : 'uses the weights above'}
              </span>
            </label>
            {entry.own && (
              <div className="mt-1 flex flex-wrap items-end gap-4">
                {FACTORS.map((factor) => (
                  <TextField
                    key={factor}
                    id={`segmentWeights-${segment}-${factor}`}
                    label={factorLabels[factor]}
                    value={entry.weights[factor]}
                    error={errors[`segmentWeights.${segment}.${factor}`]}
                    onChange={(value) => onChange(segment, factor, value)}
                  />
                ))}
                <span className="pb-1 text-xs text-slate-600">
                  Sum: <strong data-testid={`segment-weights-${segment}-sum`}>{weightSum(entry.weights)}</strong> of 100
                </span>
              </div>
            )}
            {groupError && (
              <p className="mt-1 text-sm text-red-700" role="alert" data-testid={`segment-weights-${segment}-error`}>
                {groupError}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
