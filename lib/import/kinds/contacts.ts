/**
 * Contacts from Salesforce contact reports, Zendesk user exports or any list with an email. Identified by
 * Salesforce contact id, Zendesk user id or email; linked to an account by account id, organization or the
 * email's domain (never a personal mail domain). A contact that links to no account is still stored, and reported.
 */
import { toSalesforceId18 } from '../../hosts/salesforce/record-id';
import { Contact } from '../../schemas/records';
import type { ImportKindSpec, RowProblem } from '../kind-spec';
import { ACCOUNT_REF_FIELDS, accountRefOf, describeNamespacedKey, field, lookupWord } from './shared';

type ContactRole = NonNullable<Contact['role']>;
const ROLES: Record<string, ContactRole> = {
  execsponsor: 'exec-sponsor', executivesponsor: 'exec-sponsor', sponsor: 'exec-sponsor', economicbuyer: 'exec-sponsor',
  champion: 'champion', admin: 'admin', administrator: 'admin', user: 'user', enduser: 'user',
};
const SIGHTLINE_ID = /^(sf|zd|email|demo-)[:a-z]/i;

export const contactsKind: ImportKindSpec<Contact> = {
  kind: 'contacts',
  fields: {
    contactKey: field('text', 'Contact ID', ['contact id', 'contactid', 'id', 'contact_id'], {
      hint: 'a Salesforce id (003…) or a Zendesk user id',
    }),
    sfId: field('sfId', 'Salesforce contact ID', ['salesforce contact id', 'salesforce id', 'sfid', 'contact id 18']),
    zendeskUserId: field('digits', 'Zendesk user ID', ['zendesk user id', 'zendeskuserid', 'user id', 'requester id']),
    email: field('email', 'Email', ['email', 'email address', 'e-mail', 'contact email', 'primary email', 'user email', 'requester email'], { required: true }),
    name: field('text', 'Name', ['full name', 'name', 'contact name', 'contact']),
    firstName: field('text', 'First name', ['first name', 'firstname', 'given name']),
    lastName: field('text', 'Last name', ['last name', 'lastname', 'surname', 'family name']),
    title: field('text', 'Title', ['title', 'job title', 'position']),
    role: field('text', 'Role', ['role', 'contact role', 'persona'], { hint: 'exec sponsor, champion, admin or user' }),
    ...ACCOUNT_REF_FIELDS,
  },
  requiredGroups: [],
  account: 'optional',
  schema: Contact,
  recordKeys: Object.keys(Contact.shape),
  primaryKeyFields: ['id'],
  identityKeys: ['id', 'sfId', 'zendeskUserId', 'email', 'accountId'],
  indirectKeys: { firstName: ['name'], lastName: ['name'] },
  defaults: () => ({}),
  build(values) {
    const problems: RowProblem[] = [];
    const email = values.text('email');
    let sfId = values.text('sfId');
    let zendeskUserId = values.text('zendeskUserId');
    let id: string | undefined;
    const key = values.text('contactKey');
    if (key) {
      const asSalesforce = key.startsWith('003') ? toSalesforceId18(key) : null;
      if (SIGHTLINE_ID.test(key)) id = key;
      else if (asSalesforce) sfId ??= asSalesforce;
      else if (/^\d+$/.test(key)) zendeskUserId ??= key;
      else problems.push({ field: 'contactKey', message: `"${key}" is neither a Salesforce contact id nor a Zendesk user id` });
    }
    id ??= sfId ? `sf:${sfId}` : zendeskUserId ? `zd:${zendeskUserId}` : email ? `email:${email}` : undefined;
    const fullName = [values.text('firstName'), values.text('lastName')].filter(Boolean).join(' ');
    const roleText = values.text('role');
    const role = roleText ? lookupWord(roleText, ROLES) : undefined;
    if (roleText && !role) problems.push({ field: 'role', message: `"${roleText}" is not a role (exec sponsor, champion, admin, user)` });
    const draft: Record<string, unknown> = {
      id,
      email,
      name: values.text('name') ?? (fullName || undefined),
      title: values.text('title'),
      role,
      sfId,
      zendeskUserId,
    };
    return { draft, problems, accountRef: accountRefOf(values, email) };
  },
  matchBy: 'natural-keys',
  primaryKey: (contact) => contact.id,
  naturalKeys: (contact) =>
    [
      `id:${contact.id}`,
      contact.sfId && `sf:${contact.sfId}`,
      contact.zendeskUserId && `zd:${contact.zendeskUserId}`,
      `email:${contact.email.toLowerCase()}`,
    ].filter((key): key is string => Boolean(key)),
  describeKey: (key) => describeNamespacedKey(key, { id: 'Sightline ID', sf: 'Salesforce ID', zd: 'Zendesk user', email: 'email' }),
};
