/**
 * Reads what the report needs from the database in one read transaction. Snapshots hold the whole portfolio each,
 * so only the ones the health chart shows (one per month or week of the period) and the latest are read.
 */
import type { SightlineDatabase } from '@/lib/db/database';
import type { Period } from '@/lib/metrics/result';
import { healthDates, type ReportRecords } from '@/lib/portfolio/report';
import type { IsoDate } from '@/lib/schemas/common';
import type { HealthSnapshot } from '@/lib/schemas/records';

export async function loadReportRecords(db: SightlineDatabase, period: Period, today: IsoDate): Promise<ReportRecords> {
  return db.transaction('r', [db.accounts, db.opportunities, db.nps, db.tickets, db.milestones, db.overrides, db.snapshots], async () => {
    const dates = (await db.snapshots.toCollection().primaryKeys()) as IsoDate[];
    const latest = dates.filter((d) => d <= today).sort().pop();
    const wanted = healthDates(period, dates);
    const [accounts, opportunities, nps, tickets, milestones, overrides, snapshots] = await Promise.all([
      db.accounts.toArray(),
      db.opportunities.toArray(),
      db.nps.toArray(),
      db.tickets.toArray(),
      db.milestones.toArray(),
      db.overrides.toArray(),
      db.snapshots.bulkGet(latest && !wanted.includes(latest) ? [...wanted, latest] : wanted),
    ]);
    const found = snapshots.filter((s): s is HealthSnapshot => s !== undefined);
    return {
      accounts,
      opportunities,
      nps,
      tickets,
      milestones,
      overrides,
      snapshot: found.find((s) => s.date === latest),
      history: found.filter((s) => wanted.includes(s.date)),
    };
  });
}
