/** People at a demo customer: a champion, an executive sponsor, then admins and users. */
import type { Contact } from '../schemas/records';
import { FIRST_NAMES, LAST_NAMES, TITLES_BY_ROLE } from './catalog';
import { demoContactId, demoContactSfId, demoZendeskUserId } from './ids';
import type { AccountProfile } from './profile';
import type { Random } from './random';

type ContactRole = NonNullable<Contact['role']>;

const CONTACT_COUNT = { SMB: [2, 3], 'Mid-Market': [3, 5], Enterprise: [4, 6] } as const;
const ROLE_ORDER: readonly ContactRole[] = ['champion', 'exec-sponsor', 'admin'];
/** Some people write from their personal mailbox; matching must find them by email, never by the gmail domain. */
const PERSONAL_EMAIL_SHARE = 0.04;

/** `firstSerial` numbers the contacts across the whole portfolio (Salesforce and Zendesk ids, personal emails). */
export function makeContacts(profile: AccountProfile, random: Random, firstSerial: number): Contact[] {
  const [low, high] = CONTACT_COUNT[profile.segment];
  const count = random.int(low, high);
  const usedLocalParts = new Set<string>();
  const contacts: Contact[] = [];
  for (let n = 0; n < count; n++) {
    const serial = firstSerial + n;
    const role = ROLE_ORDER[n] ?? 'user';
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let localPart = `${first}.${last}`.toLowerCase();
    if (usedLocalParts.has(localPart)) localPart = `${first[0]}${last}${n}`.toLowerCase();
    usedLocalParts.add(localPart);
    // The exec sponsor always uses the company address: executive outreach depends on it.
    const personal = role !== 'exec-sponsor' && random.chance(PERSONAL_EMAIL_SHARE);
    contacts.push({
      id: demoContactId(profile.index, n + 1),
      accountId: profile.accountId,
      email: personal ? `${localPart}.${serial}@gmail.com` : `${localPart}@${profile.company.domain}`,
      name: `${first} ${last}`,
      title: random.pick(TITLES_BY_ROLE[role]),
      role,
      sfId: demoContactSfId(serial),
      zendeskUserId: demoZendeskUserId(serial),
      demo: true,
    });
  }
  return contacts;
}
