/**
 * Where an account opens from the popup: its Salesforce record when the account has a Salesforce id and the team's
 * Salesforce address is set, else Sightline's own account page (panel.html as a top-level page).
 */
export function accountHref(account: { id: string; sfId: string | null }, salesforceInstanceUrl: string, panelUrl: string): string {
  if (account.sfId && salesforceInstanceUrl) return `${salesforceInstanceUrl}/lightning/r/Account/${account.sfId}/view`;
  return `${panelUrl}?account=${encodeURIComponent(account.id)}`;
}
