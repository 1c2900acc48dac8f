import { describe, expect, it } from 'vitest';
import { salesforceObjectOf, toSalesforceId18 } from '@/lib/hosts/salesforce/record-id';

describe('toSalesforceId18', () => {
  it('appends the case-encoding suffix to a 15-character id', () => {
    // Chunks: 001Dn (D → bit 3 = 8 → I), 00000 (0 → A), KkD4q (K=bit0,D=bit2 → 5 → F)
    expect(toSalesforceId18('001Dn00000KkD4q')).toBe('001Dn00000KkD4qIAF');
  });

  it('gives ids that differ only in case different 18-character forms', () => {
    expect(toSalesforceId18('001dn00000kkd4q')).toBe('001dn00000kkd4qAAA');
    expect(toSalesforceId18('001dn00000kkd4q')).not.toBe(toSalesforceId18('001Dn00000KkD4q'));
  });

  it('restores the case of an 18-character id written in any case', () => {
    expect(toSalesforceId18('001DN00000KKD4QIAF')).toBe('001Dn00000KkD4qIAF');
    expect(toSalesforceId18('001dn00000kkd4qiaf')).toBe('001Dn00000KkD4qIAF');
  });

  it('rejects text that is not an id', () => {
    expect(toSalesforceId18('')).toBeNull();
    expect(toSalesforceId18('001Dn00000KkD4')).toBeNull(); // 14 characters
    expect(toSalesforceId18('001Dn00000KkD4q9ZZ')).toBeNull(); // 9 is not a suffix character
    expect(toSalesforceId18('001Dn00000KkD4-')).toBeNull();
  });

  it('names the object from the key prefix', () => {
    expect(salesforceObjectOf('001Dn00000KkD4qIAF')).toBe('Account');
    expect(salesforceObjectOf('003Dn00000KkD4qIAF')).toBe('Contact');
    expect(salesforceObjectOf('006Dn00000KkD4qIAF')).toBe('Opportunity');
    expect(salesforceObjectOf('500Dn00000KkD4qIAF')).toBe('Case');
    expect(salesforceObjectOf('00QDn00000KkD4qIAF')).toBe('Other');
  });
});
