/**
 * Customer meetings: check-ins, QBRs/EBRs, executive-sponsor meetings, trainings, onboarding sessions, whether the
 * customer attended, and how many days they took to respond. Keyed by the calendar/CRM event id when the file has
 * one, else by account, date and type.
 */
import { Meeting } from '../../schemas/records';
import type { ImportKindSpec, RowProblem } from '../kind-spec';
import { ACCOUNT_REF_FIELDS, ACCOUNT_REF_GROUP, accountRefOf, field, lookupWord } from './shared';

type MeetingType = Meeting['type'];
const TYPES: Record<string, MeetingType> = {
  checkin: 'check-in', sync: 'check-in', call: 'check-in', statuscall: 'check-in',
  qbr: 'qbr', quarterlybusinessreview: 'qbr', businessreview: 'qbr',
  ebr: 'ebr', executivebusinessreview: 'ebr',
  execsponsor: 'exec-sponsor', executivesponsor: 'exec-sponsor', executivesponsormeeting: 'exec-sponsor', execsponsormeeting: 'exec-sponsor',
  training: 'training', workshop: 'training',
  onboarding: 'onboarding', kickoff: 'onboarding', onboardingsession: 'onboarding',
};

export const meetingsKind: ImportKindSpec<Meeting> = {
  kind: 'meetings',
  fields: {
    meetingId: field('text', 'Meeting ID', ['meeting id', 'meetingid', 'event id', 'activity id', 'id']),
    ...ACCOUNT_REF_FIELDS,
    date: field('date', 'Date', ['date', 'meeting date', 'event date', 'start date', 'start', 'start time'], { required: true }),
    type: field('text', 'Type', ['type', 'meeting type', 'event type', 'activity type'], { required: true, hint: 'check-in, QBR, EBR, exec sponsor, training, onboarding' }),
    attended: field('bool', 'Attended', ['attended', 'attendance', 'held', 'showed', 'completed'], { hint: 'no column: attended' }),
    responseDays: field('number', 'Response days', ['response days', 'responsedays', 'days to respond', 'response time days']),
  },
  requiredGroups: [ACCOUNT_REF_GROUP],
  account: 'required',
  schema: Meeting,
  recordKeys: Object.keys(Meeting.shape),
  primaryKeyFields: ['id'],
  identityKeys: ['id', 'accountId'],
  defaults: (mapped) => (mapped.has('attended') ? {} : { attended: true }),
  build(values) {
    const problems: RowProblem[] = [];
    const typeText = values.text('type');
    const type = typeText ? lookupWord(typeText, TYPES) : undefined;
    if (typeText && !type) problems.push({ field: 'type', message: `"${typeText}" is not a meeting type (check-in, QBR, EBR, exec sponsor, training, onboarding)` });
    const meetingId = values.text('meetingId');
    const draft: Record<string, unknown> = {
      id: meetingId ? `ext:${meetingId}` : undefined,
      date: values.text('date'),
      type,
      attended: values.bool('attended'),
      responseDays: values.isMapped('responseDays') ? (values.number('responseDays') ?? null) : undefined,
    };
    return { draft, problems, accountRef: accountRefOf(values, undefined) };
  },
  afterLink(draft) {
    draft.id ??= `mtg:${String(draft.accountId)}|${String(draft.date)}|${String(draft.type)}`;
  },
  matchBy: 'primary-key',
  primaryKey: (meeting) => meeting.id,
  naturalKeys: (meeting) => [`id:${meeting.id}`],
  describeKey: (key) => `meeting ${key.slice(3)}`,
};
