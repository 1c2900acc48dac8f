import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageSession } from '@/lib/content/page-session';
import { zendeskAdapter } from './zendesk-adapter';

export function startZendeskSession(ctx: ContentScriptContext): void {
  startPageSession(ctx, zendeskAdapter);
}
