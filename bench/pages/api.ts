/** What the bench page (bench.html, in the Sightline extension's origin) offers to bench/*.ts through page.evaluate. */
import type { IsoDate } from '../../lib/schemas/common';
import type { RecordKind } from '../../lib/schemas/records';
import type { RescoreResult } from '../../lib/db/rescore';
import type { ImportSummary } from '../../lib/import/run-import';

export interface SeedOptions {
  seed: number;
  today: IsoDate;
  accounts: number;
  usageDays: number;
}

export interface SeedResult {
  counts: Partial<Record<RecordKind, number>>;
  generateMs: number;
  writeMs: number;
}

export interface RescoreFloorResult {
  /** Records read, per store. */
  read: Record<string, number>;
  readMs: number;
  writeMs: number;
  totalMs: number;
}

export interface TimedRescore {
  wallMs: number;
  result: RescoreResult;
}

export interface TimedImport<T> {
  ms: number;
  result: T;
}

/** CSV columns the import floor copies into the indexed fields. */
export interface FloorColumns {
  id: string;
  name: string;
  website: string;
}

export interface ImportFloorResult {
  rows: number;
  parseMs: number;
  writeMs: number;
}

export interface BackgroundWork {
  /** When the after-change alarm will start a rescoring run; null when none is queued. */
  changeAlarmAt: number | null;
  /** A rescoring run has recorded progress and not finished. */
  rescoring: boolean;
  /** When the alarm for opportunity and milestone changes will rebuild the digest; null when none is queued. */
  digestAlarmAt: number | null;
  /** builtAt of the stored portfolio digest (built after a rescoring run). */
  digestBuiltAt: number | null;
  /** The digest the popup's stored views were built from (the last step after a rescoring run). */
  viewsDigestBuiltAt: number | null;
}

export interface BenchPageApi {
  seedPortfolio(options: SeedOptions): Promise<SeedResult>;
  rescoreFloor(): Promise<RescoreFloorResult>;
  rescore(today: IsoDate): Promise<TimedRescore>;
  /** What the service worker does after a rescoring run for the popup: rebuild the portfolio digest. */
  refreshDigest(today: IsoDate): Promise<number>;
  /** The service worker's queued rescoring (the after-change alarm's time) and when it last built the digest. */
  backgroundWork(): Promise<BackgroundWork>;
  /** Empties stores with the raw API (no Dexie change notice, so the service worker does not start rescoring). */
  clearStores(stores: readonly string[]): Promise<void>;
  countStore(store: string): Promise<number>;
  putMeta(key: string, value: unknown): Promise<void>;
  /** The chosen file of the page's file input through the real import pipeline (worker → one transaction). */
  importChosenFile(): Promise<TimedImport<ImportSummary>>;
  /** Papa Parse on the main thread + one bulkPut of the rows as they come, no validation. */
  importFloorChosenFile(columns: FloorColumns): Promise<TimedImport<ImportFloorResult>>;
}

export interface BenchPageWindow {
  sightlineBench: BenchPageApi;
  /** Set once the module has run. */
  sightlineBenchReady?: boolean;
}
