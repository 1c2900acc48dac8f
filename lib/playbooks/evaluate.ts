/**
 * The background's entry point: for each active account, read what the triggers need from the database, run the
 * rules and open or refresh playbook runs. Meant to run right after rescoring has written the day's snapshot.
 * This is the one file of lib/playbooks that touches the database; the rules it applies are pure.
 */
import Dexie from 'dexie';
import type { SightlineDatabase } from '../db/database';
import { applyTriggerBatch, type TriggerApplication } from '../db/playbook-runs';
import { readTemplates } from '../db/playbook-templates';
import type { IsoDate } from '../schemas/common';
import type { Account, HealthSnapshot, Milestone, NpsResponse, UsageDay } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { addDaysIso, localDay } from '../scoring/dates';
import { bandFor } from '../scoring/health';
import { buildTriggerInput, type HealthNow } from './trigger-inputs';
import { evaluateTriggers, type FiredTrigger, TRIGGER_RULES } from './triggers';

export interface EvaluatePlaybooksOptions {
  /** The moment of evaluation; its local calendar day is "today" and it stamps the triggers. */
  today: Date;
  settings: Settings;
  /** Only these accounts (e.g. the ones an import touched); all active accounts when left out. */
  accountIds?: readonly string[];
  /**
   * Health now, as the health engine computed it (computed score, no override: band drops compare it with the
   * snapshots, which hold computed scores). Left out, the latest snapshot on or before today is used.
   */
  healthFor?: (accountId: string) => HealthNow | undefined | Promise<HealthNow | undefined>;
}

export interface PlaybookEvaluation {
  accountsEvaluated: number;
  openedRunIds: string[];
  refreshed: number;
  suppressed: number;
  /** Templates a trigger asked for that the team has deleted: those triggers opened nothing. */
  missingTemplateIds: string[];
}

/** How many accounts are read, and their triggers applied, per transaction. */
const ACCOUNTS_PER_CHUNK = 500;
/** How far before "30 days ago" a snapshot may be, when rescoring did not run on exactly that day. */
const SNAPSHOT_SLACK_DAYS = 7;

export async function evaluatePlaybooks(db: SightlineDatabase, options: EvaluatePlaybooksOptions): Promise<PlaybookEvaluation> {
  const { today, settings, healthFor } = options;
  const todayIso = localDay(today);
  const templates = new Map((await readTemplates(db)).map((template) => [template.id, template]));
  const accounts = (await accountsToEvaluate(db, options.accountIds)).filter((account) => account.status === 'active');
  const scores = await snapshotScores(db, todayIso, healthFor === undefined, settings);
  const result: PlaybookEvaluation = { accountsEvaluated: accounts.length, openedRunIds: [], refreshed: 0, suppressed: 0, missingTemplateIds: [] };
  const missing = new Set<string>();
  const readRows = options.accountIds === undefined ? readRowsInIdSpan : readRowsPerAccount;

  for (let start = 0; start < accounts.length; start += ACCOUNTS_PER_CHUNK) {
    const chunk = accounts.slice(start, start + ACCOUNTS_PER_CHUNK);
    const rows = await readRows(db, chunk, todayIso);
    const applications: TriggerApplication[] = [];
    for (const account of chunk) {
      const health = (healthFor ? await healthFor(account.id) : scores.current(account.id)) ?? { score: null, band: 'unknown' };
      const input = buildTriggerInput(
        {
          account,
          today: todayIso,
          health,
          previousScore: scores.previous(account.id),
          score30DaysAgo: scores.thirtyDaysAgo(account.id),
          usageDays: rows.usage.get(account.id) ?? [],
          npsResponses: rows.nps.get(account.id) ?? [],
          milestones: rows.milestones.get(account.id) ?? [],
        },
        settings,
      );
      for (const [templateId, triggers] of groupByTemplate(evaluateTriggers(input))) {
        const template = templates.get(templateId);
        if (template) applications.push({ accountId: account.id, template, triggers, renewalDate: account.renewalDate });
        else missing.add(templateId);
      }
    }
    for (const outcome of await applyTriggerBatch(db, applications, today)) {
      if (outcome.outcome === 'opened') result.openedRunIds.push(outcome.run.id);
      else if (outcome.outcome === 'refreshed') result.refreshed += 1;
      else if (outcome.outcome === 'suppressed') result.suppressed += 1;
    }
  }
  result.missingTemplateIds = [...missing];
  return result;
}

async function accountsToEvaluate(db: SightlineDatabase, accountIds: readonly string[] | undefined): Promise<Account[]> {
  // toArray() comes in id order, which readRowsInIdSpan relies on.
  if (!accountIds) return db.accounts.toArray();
  return (await db.accounts.bulkGet([...accountIds])).filter((account): account is Account => account !== undefined);
}

function groupByTemplate(triggers: readonly FiredTrigger[]): Map<string, FiredTrigger[]> {
  const groups = new Map<string, FiredTrigger[]>();
  for (const trigger of triggers) groups.set(trigger.templateId, [...(groups.get(trigger.templateId) ?? []), trigger]);
  return groups;
}

/** The rows the triggers read, per account id. */
interface TriggerRows {
  usage: Map<string, UsageDay[]>;
  nps: Map<string, NpsResponse[]>;
  milestones: Map<string, Milestone[]>;
}

function groupByAccount<T extends { accountId: string }>(rows: readonly T[], keep: (row: T) => boolean = () => true): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (!keep(row)) continue;
    const group = groups.get(row.accountId);
    if (group) group.push(row);
    else groups.set(row.accountId, [row]);
  }
  return groups;
}

const usageWindowStart = (today: IsoDate) => addDaysIso(today, 1 - TRIGGER_RULES.usageWindowDays);

/**
 * All accounts of the portfolio, taken in id order: a chunk is a contiguous id span, so one range query per table
 * reads exactly its rows (usage outside the trigger window is dropped after the read).
 */
async function readRowsInIdSpan(db: SightlineDatabase, chunk: readonly Account[], today: IsoDate): Promise<TriggerRows> {
  const first = chunk[0]!.id;
  const last = chunk[chunk.length - 1]!.id;
  const windowStart = usageWindowStart(today);
  const [usage, nps, milestones] = await db.transaction('r', db.usage, db.nps, db.milestones, () =>
    Promise.all([
      db.usage.where('[accountId+date]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray(),
      db.nps.where('accountId').between(first, last, true, true).toArray(),
      db.milestones.where('[accountId+key]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray(),
    ]),
  );
  return {
    usage: groupByAccount(usage, (row) => row.date >= windowStart && row.date <= today),
    nps: groupByAccount(nps),
    milestones: groupByAccount(milestones),
  };
}

/** A few chosen accounts (an import's): indexed queries per account, as their ids need not be contiguous. */
async function readRowsPerAccount(db: SightlineDatabase, chunk: readonly Account[], today: IsoDate): Promise<TriggerRows> {
  const windowStart = usageWindowStart(today);
  const perAccount = await db.transaction('r', db.usage, db.nps, db.milestones, () =>
    Promise.all(
      chunk.map(({ id }) =>
        Promise.all([
          db.usage.where('[accountId+date]').between([id, windowStart], [id, today], true, true).toArray(),
          db.nps.where('accountId').equals(id).toArray(),
          db.milestones.where('[accountId+key]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
        ]),
      ),
    ),
  );
  return {
    usage: groupByAccount(perAccount.flatMap(([usage]) => usage)),
    nps: groupByAccount(perAccount.flatMap(([, nps]) => nps)),
    milestones: groupByAccount(perAccount.flatMap(([, , milestones]) => milestones)),
  };
}

type ScoreOf = (accountId: string) => number | null;

/**
 * Score lookups from the day snapshots (one record per day for the whole portfolio): the current one (latest on
 * or before today, used when no healthFor is given), the previous evaluation (latest before the current one) and
 * the one 30 days ago.
 */
async function snapshotScores(db: SightlineDatabase, today: IsoDate, needCurrent: boolean, settings: Settings) {
  const current = needCurrent ? await db.snapshots.where('date').belowOrEqual(today).last() : undefined;
  const previous = await db.snapshots.where('date').below(current?.date ?? today).last();
  const thirtyDaysAgo = addDaysIso(today, -TRIGGER_RULES.scoreDropWindowDays);
  const earliest = addDaysIso(thirtyDaysAgo, -SNAPSHOT_SLACK_DAYS);
  const old = await db.snapshots.where('date').between(earliest, thirtyDaysAgo, true, true).last();
  const currentScore = scoreLookup(current);
  return {
    current: (accountId: string): HealthNow | undefined => {
      if (!current) return undefined;
      const score = currentScore(accountId);
      return { score, band: bandFor(score, settings.bands) };
    },
    previous: scoreLookup(previous),
    thirtyDaysAgo: scoreLookup(old),
  };
}

function scoreLookup(snapshot: HealthSnapshot | undefined): ScoreOf {
  if (!snapshot) return () => null;
  const indexOf = new Map(snapshot.accountIds.map((accountId, index) => [accountId, index]));
  return (accountId) => {
    const index = indexOf.get(accountId);
    const score = index === undefined ? undefined : snapshot.scores[index];
    return score === undefined || score < 0 ? null : score; // -1: no score that day
  };
}
