import type { PortfolioFilter } from '@/lib/schemas/portfolio';
import { Segment } from '@/lib/schemas/common';

/** Whose accounts and which segment; the page remembers the choice. */
export function FilterBar({ filter, onChange }: { filter: PortfolioFilter; onChange: (filter: PortfolioFilter) => void }) {
  return (
    <div className="flex items-center gap-2 text-xs">
      <div className="flex overflow-hidden rounded border border-slate-300" role="group" aria-label="Whose accounts">
        {(['team', 'mine'] as const).map((owner) => (
          <button
            key={owner}
            type="button"
            aria-pressed={filter.owner === owner}
            data-testid={`filter-owner-${owner}`}
            className={`px-2 py-0.5 ${filter.owner === owner ? 'bg-teal-700 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
            onClick={() => onChange({ ...filter, owner })}
          >
            {owner === 'team' ? 'Team' : 'My accounts'}
          </button>
        ))}
      </div>
      <select
        aria-label="Segment"
        data-testid="filter-segment"
        className="rounded border border-slate-300 bg-white px-1 py-0.5"
        value={filter.segment}
        onChange={(event) => onChange({ ...filter, segment: event.target.value === 'all' ? 'all' : Segment.parse(event.target.value) })}
      >
        <option value="all">All segments</option>
        {Segment.options.map((segment) => (
          <option key={segment} value={segment}>
            {segment}
          </option>
        ))}
      </select>
    </div>
  );
}
