import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageSession } from '@/lib/content/page-session';
import { salesforceAdapter } from './salesforce-adapter';

export function startSalesforceSession(ctx: ContentScriptContext): void {
  startPageSession(ctx, salesforceAdapter);
}
