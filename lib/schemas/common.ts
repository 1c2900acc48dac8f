import { z } from 'zod';

/** A calendar date with no time zone, `YYYY-MM-DD`, and a real day of a real month. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'not a real calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant as epoch milliseconds (ticket created, step completed, …). */
export const EpochMs = z.number().int().nonnegative();

/** An 18-character, case-insensitive-safe Salesforce record id. 15-char ids are normalised before they get here. */
export const SalesforceId18 = z.string().regex(/^[a-zA-Z0-9]{18}$/, 'expected an 18-character Salesforce id');

export const NonNegativeInt = z.number().int().nonnegative();
export const NonNegativeNumber = z.number().nonnegative().finite();

export const Segment = z.enum(['SMB', 'Mid-Market', 'Enterprise']);
export type Segment = z.infer<typeof Segment>;

export const Plan = z.enum(['Free', 'Starter', 'Professional', 'Enterprise']);
export type Plan = z.infer<typeof Plan>;

export const Band = z.enum(['healthy', 'at-risk', 'critical', 'unknown']);
export type Band = z.infer<typeof Band>;

/** Support tiers (settings.ts defines what each one promises); here so a content script need not build settings. */
export const TierName = z.enum(['Standard', 'Priority', 'Premium']);
export type TierName = z.infer<typeof TierName>;
