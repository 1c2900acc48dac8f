/**
 * NPS survey responses (score 0–10). Keyed by the survey tool's response id; a file without one gets an id from
 * account, date and respondent, so re-importing it still updates instead of duplicating.
 */
import { NpsResponse } from '../../schemas/records';
import type { ImportKindSpec } from '../kind-spec';
import { ACCOUNT_REF_FIELDS, ACCOUNT_REF_GROUP, accountRefOf, field } from './shared';

export const npsKind: ImportKindSpec<NpsResponse> = {
  kind: 'nps',
  fields: {
    responseId: field('text', 'Response ID', ['response id', 'responseid', 'survey response id', 'nps id', 'id']),
    ...ACCOUNT_REF_FIELDS,
    contactEmail: field('email', 'Respondent email', ['email', 'contact email', 'respondent email', 'respondent', 'contactemail']),
    score: field('int', 'Score', ['score', 'nps', 'nps score', 'rating', 'likelihood to recommend', 'how likely are you to recommend us'], { required: true }),
    date: field('date', 'Date', ['date', 'submitted at', 'response date', 'responded at', 'survey date', 'created at'], { required: true }),
    comment: field('text', 'Comment', ['comment', 'comments', 'feedback', 'reason', 'verbatim']),
  },
  requiredGroups: [ACCOUNT_REF_GROUP],
  account: 'required',
  schema: NpsResponse,
  recordKeys: Object.keys(NpsResponse.shape),
  primaryKeyFields: ['id'],
  identityKeys: ['id', 'accountId'],
  defaults: () => ({}),
  build(values) {
    const responseId = values.text('responseId');
    const email = values.text('contactEmail');
    const draft: Record<string, unknown> = {
      id: responseId ? `ext:${responseId}` : undefined,
      contactEmail: email,
      score: values.number('score'),
      date: values.text('date'),
      comment: values.text('comment'),
    };
    return { draft, problems: [], accountRef: accountRefOf(values, email) };
  },
  afterLink(draft) {
    draft.id ??= `nps:${String(draft.accountId)}|${String(draft.date)}|${String(draft.contactEmail ?? '')}`;
  },
  matchBy: 'primary-key',
  primaryKey: (response) => response.id,
  naturalKeys: (response) => [`id:${response.id}`],
  describeKey: (key) => `response ${key.slice(3)}`,
};
