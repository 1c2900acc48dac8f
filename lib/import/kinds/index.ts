/** Every import kind, by name. */
import type { ImportKind } from '../import-kinds';
import type { ImportKindSpec, RecordOfKind } from '../kind-spec';
import { accountsKind } from './accounts';
import { contactsKind } from './contacts';
import { meetingsKind } from './meetings';
import { milestonesKind } from './milestones';
import { npsKind } from './nps';
import { opportunitiesKind } from './opportunities';
import { ticketsKind } from './tickets';
import { usageKind } from './usage';

export const KIND_SPECS: { [K in ImportKind]: ImportKindSpec<RecordOfKind[K]> } = {
  accounts: accountsKind,
  contacts: contactsKind,
  usage: usageKind,
  tickets: ticketsKind,
  nps: npsKind,
  meetings: meetingsKind,
  milestones: milestonesKind,
  opportunities: opportunitiesKind,
};
