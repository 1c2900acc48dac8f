/**
 * Messages the background sends to a host page's content script: the reverse direction of messages.ts.
 * The content script validates each one on arrival, as the background does for what it receives.
 */
import { z } from 'zod';

/** Open or close the side panel (the keyboard shortcut). */
export const PanelCommand = z.object({ action: z.literal('toggle') }).strict();
export type PanelCommand = z.infer<typeof PanelCommand>;

/** `handled` is false when the page shows no customer (no badge), so there was nothing to toggle. */
export const PanelCommandResult = z.object({ handled: z.boolean(), panelOpen: z.boolean() }).strict();
export type PanelCommandResult = z.infer<typeof PanelCommandResult>;
