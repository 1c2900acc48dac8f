import type { Band } from '@/lib/schemas/common';
import type { BandTotals } from '@/lib/portfolio/popup-view';
import { BAND_FILL, BAND_LABEL, formatCount, formatMoney } from './format';

const BANDS: readonly Band[] = ['healthy', 'at-risk', 'critical', 'unknown'];

function Bar({ label, parts, total }: { label: string; parts: { band: Band; value: number; text: string }[]; total: number }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-12 shrink-0 text-[11px] text-slate-500">{label}</span>
      <div className="flex h-3 flex-1 overflow-hidden rounded bg-slate-100" role="img" aria-label={`${label}: ${parts.map((p) => `${BAND_LABEL[p.band]} ${p.text}`).join(', ')}`}>
        {total > 0
          ? parts.map((p) =>
              p.value > 0 ? <div key={p.band} className={BAND_FILL[p.band]} style={{ width: `${(100 * p.value) / total}%` }} title={`${BAND_LABEL[p.band]}: ${p.text}`} /> : null,
            )
          : null}
      </div>
    </div>
  );
}

/** Health distribution by count and by ARR, with each band's count and ARR written out. */
export function BandBar({ bands }: { bands: Record<Band, BandTotals> }) {
  const totalCount = BANDS.reduce((sum, b) => sum + bands[b].count, 0);
  const totalArr = BANDS.reduce((sum, b) => sum + bands[b].arr, 0);
  return (
    <div className="space-y-1.5">
      <Bar label="Accounts" total={totalCount} parts={BANDS.map((band) => ({ band, value: bands[band].count, text: formatCount(bands[band].count) }))} />
      <Bar label="ARR" total={totalArr} parts={BANDS.map((band) => ({ band, value: bands[band].arr, text: formatMoney(bands[band].arr) }))} />
      {totalArr === 0 && totalCount > 0 ? <p className="text-[11px] text-slate-500">No ARR recorded for these accounts: the ARR bar is empty.</p> : null}
      <ul className="grid grid-cols-4 gap-1 pt-0.5">
        {BANDS.map((band) => (
          <li key={band} className="min-w-0">
            <div className="flex items-center gap-1 text-[11px] text-slate-600">
              <span className={`inline-block h-2 w-2 shrink-0 rounded-sm ${BAND_FILL[band]}`} />
              <span className="truncate">{BAND_LABEL[band]}</span>
            </div>
            <div className="text-base font-semibold leading-tight tabular-nums" data-testid={`band-count-${band}`}>
              {formatCount(bands[band].count)}
            </div>
            <div className="text-[11px] text-slate-500 tabular-nums" data-testid={`band-arr-${band}`}>
              {formatMoney(bands[band].arr)}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
