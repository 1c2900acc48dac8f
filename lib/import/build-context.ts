/** The settings and date an import's conversion depends on. */
import { format } from 'date-fns';
import type { Settings } from '../schemas/settings';
import type { BuildContext } from './kind-spec';

export function buildContext(settings: Pick<Settings, 'personalDomains' | 'renewalTypeNames'>, now: Date): BuildContext {
  return {
    personalDomains: new Set(settings.personalDomains.map((domain) => domain.trim().toLowerCase())),
    renewalTypeNames: new Set(settings.renewalTypeNames.map((name) => name.trim().toLowerCase())),
    today: format(now, 'yyyy-MM-dd'),
  };
}
