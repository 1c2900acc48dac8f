// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { accountIdFromHref, findLinkedAccountId } from '@/lib/hosts/salesforce/account-link';
import { parseSalesforceRoute, unreadableSalesforceRecord } from '@/lib/hosts/salesforce/route';

describe('parseSalesforceRoute', () => {
  it('reads Lightning record URLs, long and short', () => {
    expect(parseSalesforceRoute('https://acme.lightning.force.com/lightning/r/Account/001Dn00000KkD4qIAF/view')).toEqual({
      object: 'Account',
      id18: '001Dn00000KkD4qIAF',
      ui: 'lightning',
    });
    expect(parseSalesforceRoute('https://acme.lightning.force.com/lightning/r/001Dn00000KkD4q/view')).toMatchObject({
      object: 'Account',
      id18: '001Dn00000KkD4qIAF',
    });
    expect(parseSalesforceRoute('https://acme.lightning.force.com/lightning/r/Contact/003Dn00000KkD4qIAF/view')).toMatchObject({ object: 'Contact' });
    expect(parseSalesforceRoute('https://acme.lightning.force.com/lightning/r/Case/500Dn00000KkD4qIAF/view')).toMatchObject({ object: 'Case' });
  });

  it('reads Classic record URLs', () => {
    expect(parseSalesforceRoute('https://acme.my.salesforce.com/001Dn00000KkD4q')).toEqual({
      object: 'Account',
      id18: '001Dn00000KkD4qIAF',
      ui: 'classic',
    });
  });

  it('rejects ids of the wrong object type, other pages and malformed URLs', () => {
    expect(parseSalesforceRoute('https://acme.lightning.force.com/lightning/r/Account/003Dn00000KkD4qIAF/view')).toBeNull();
    expect(parseSalesforceRoute('https://acme.lightning.force.com/lightning/r/Lead/00QDn00000KkD4qIAF/view')).toBeNull();
    expect(parseSalesforceRoute('https://acme.lightning.force.com/lightning/o/Account/list')).toBeNull();
    expect(parseSalesforceRoute('https://acme.lightning.force.com/lightning/r/Account/001Dn00000KkD4q999/view')).toBeNull(); // 9 is no suffix character
    expect(parseSalesforceRoute('https://evil.example/lightning/r/Account/001Dn00000KkD4qIAF/view')).toBeNull();
    expect(parseSalesforceRoute('::')).toBeNull();
  });
});

describe('the Account linked from a record page', () => {
  it('reads account ids from Lightning and Classic hrefs', () => {
    expect(accountIdFromHref('/lightning/r/Account/001Dn00000KkD4qIAF/view')).toBe('001Dn00000KkD4qIAF');
    expect(accountIdFromHref('/lightning/r/001Dn00000KkD4q/view')).toBe('001Dn00000KkD4qIAF');
    expect(accountIdFromHref('https://acme.my.salesforce.com/001Dn00000KkD4q')).toBe('001Dn00000KkD4qIAF');
    expect(accountIdFromHref('/lightning/r/Contact/003Dn00000KkD4qIAF/view')).toBeNull();
  });

  it('finds the link inside open shadow roots and skips hidden console tabs', () => {
    document.body.innerHTML = `
      <div class="tab" style="display: none"><a href="/lightning/r/Account/001Dn00000ZZZZZ/view">Other</a></div>
      <records-highlights2></records-highlights2>`;
    const host = document.querySelector('records-highlights2')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<force-lookup><a href="/lightning/r/Account/001Dn00000KkD4qIAF/view">Acme</a></force-lookup>';
    expect(findLinkedAccountId(document)).toBe('001Dn00000KkD4qIAF');
  });

  it("skips the app's navigation: a console's workspace tabs and navigation bars link to other Accounts", () => {
    document.body.innerHTML = `
      <ul role="tablist" class="tabBarItems"><li><a role="tab" href="/lightning/r/Account/001Dn00000ZZZZZ/view">Other</a></li></ul>
      <one-app-nav-bar></one-app-nav-bar>
      <div class="oneContent active"><records-highlights2></records-highlights2></div>`;
    // Both links two shadow roots deep, the navigation bar's first in document order.
    const bar = document.querySelector('one-app-nav-bar')!.attachShadow({ mode: 'open' });
    bar.innerHTML = '<nav><one-app-nav-bar-item-root></one-app-nav-bar-item-root></nav>';
    bar.querySelector('one-app-nav-bar-item-root')!.attachShadow({ mode: 'open' }).innerHTML =
      '<a href="/lightning/r/Account/001Dn00000YYYYY/view">Recent</a>';
    const record = document.querySelector('records-highlights2')!.attachShadow({ mode: 'open' });
    record.innerHTML = '<force-lookup></force-lookup>';
    record.querySelector('force-lookup')!.attachShadow({ mode: 'open' }).innerHTML = '<a href="/lightning/r/001Dn00000KkD4q/view">Acme</a>';
    expect(findLinkedAccountId(document)).toBe('001Dn00000KkD4qIAF');
  });
});

describe('unreadableSalesforceRecord', () => {
  it('says why a record URL of an object Sightline reads cannot be used', () => {
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/r/Account/003Dn00000KkD4qIAF/view')).toEqual({
      object: 'Account',
      rawId: '003Dn00000KkD4qIAF',
      reason: 'the address names an Account but its id belongs to a Contact',
    });
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/r/Case/001Dn00000KkD4q/view')?.reason).toBe(
      'the address names a Case but its id belongs to an Account',
    );
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/r/Contact/00QDn00000KkD4qIAF/view')?.reason).toBe(
      'the address names a Contact but its id belongs to another kind of record',
    );
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/r/Opportunity/not-an-id/view')?.reason).toBe(
      'the address has no valid Opportunity id',
    );
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/r/Account/001Dn00000KkD4q999/view')?.reason).toBe(
      'the address has no valid Account id',
    );
  });

  it('leaves readable records, other objects and other pages alone', () => {
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/r/Account/001Dn00000KkD4qIAF/view')).toBeNull();
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/r/Lead/00QDn00000KkD4qIAF/view')).toBeNull();
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/r/00QDn00000KkD4qIAF/view')).toBeNull();
    expect(unreadableSalesforceRecord('https://acme.lightning.force.com/lightning/o/Account/list')).toBeNull();
    expect(unreadableSalesforceRecord('https://acme.my.salesforce.com/home/home.jsp')).toBeNull();
    expect(unreadableSalesforceRecord('https://evil.example/lightning/r/Account/003Dn00000KkD4qIAF/view')).toBeNull();
    expect(unreadableSalesforceRecord('::')).toBeNull();
  });
});
