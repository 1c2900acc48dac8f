/**
 * The side panel's writes, as request/response messages to the background. Only extension pages may send them
 * (lib/messaging/server.ts checks the sender): nothing a host page can influence ever writes. "Who" is always the
 * background's settings.currentUser; "when" (`at`) is the sending tab's clock, which the step clock rule needs.
 */
import { z } from 'zod';
import { EpochMs } from './common';
import { PageKeys } from './messages';
import { Note, PlaybookRun } from './records';

const Id = z.string().min(1).max(100);

export const SearchAccountsRequest = z.object({ query: z.string().max(300) }).strict();
export const AccountChoice = z.object({ id: z.string(), name: z.string(), hint: z.string() });
export type AccountChoice = z.infer<typeof AccountChoice>;
export const SearchAccountsResponse = z.object({ accounts: z.array(AccountChoice) });

export const LinkPageKeysRequest = z.object({ keys: PageKeys, accountId: Id }).strict();
export const LinkPageKeysResponse = z.object({ linked: z.number().int() });

export const AddNoteRequest = z
  .object({ accountId: Id, text: z.string().trim().min(1, 'a note needs some text').max(10_000, 'a note is at most 10,000 characters'), at: EpochMs })
  .strict();
export const AddNoteResponse = Note;

export const SetOverrideRequest = z
  .object({
    accountId: Id,
    score: z.number(),
    reason: z.string().max(1000),
    expiresOn: z.string().max(20),
    locked: z.boolean(),
    at: EpochMs,
  })
  .strict();
export const FieldIssue = z.object({ field: z.string(), message: z.string() });
export const SetOverrideResponse = z.object({ issues: z.array(FieldIssue) });

export const ClearOverrideRequest = z.object({ accountId: Id }).strict();
export const Done = z.object({ ok: z.literal(true) });

export const StartRunRequest = z.object({ accountId: Id, templateId: Id, at: EpochMs }).strict();
export const StartRunResponse = z.object({ outcome: z.enum(['opened', 'refreshed', 'kept', 'suppressed']), runId: z.string().nullable() });

export const StepRequest = z.object({ runId: Id, stepId: Id, at: EpochMs }).strict();
export const TickStepRequest = StepRequest.extend({ note: z.string().max(2000).optional() }).strict();
export const SkipStepRequest = StepRequest.extend({ reason: z.string().max(2000) }).strict();
/** `applied: false`: the step changed later in another tab (by that tab's clock) and kept that change. */
export const StepResponse = z.object({ applied: z.boolean(), run: PlaybookRun });

export const AddRunNoteRequest = z.object({ runId: Id, text: z.string().max(2000), at: EpochMs }).strict();
export const CloseRunRequest = z.object({ runId: Id, outcome: z.string().max(2000), nextSteps: z.string().max(2000), at: EpochMs }).strict();
export const RunResponse = z.object({ run: PlaybookRun });
