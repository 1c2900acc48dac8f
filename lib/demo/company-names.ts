/** Unique fictional company names and their web domains (lower-case, unique across the portfolio). */
import { DOMAIN_TLDS, INDUSTRIES, NAME_ENDS, NAME_QUALIFIERS, NAME_STARTS } from './catalog';
import type { Random } from './random';

export interface CompanyName {
  name: string;
  domain: string;
}

const DRAWS_BEFORE_QUALIFYING = 6;

export class CompanyNamer {
  /** Lower-cased: matching looks names up case-insensitively, so "Oakfield Labs" and "OAKFIELD LABS" would clash. */
  private readonly usedNames = new Set<string>();
  private readonly usedDomains = new Set<string>();

  next(random: Random): CompanyName {
    for (let draw = 0; ; draw++) {
      const brand = random.pick(NAME_STARTS) + random.pick(NAME_ENDS);
      const industry = random.pick(INDUSTRIES);
      // A very large portfolio exhausts the plain names; qualify them ("Oakfield Labs Europe"), then number them.
      const qualifier =
        draw < DRAWS_BEFORE_QUALIFYING
          ? ''
          : draw < DRAWS_BEFORE_QUALIFYING * 2
            ? ` ${random.pick(NAME_QUALIFIERS)}`
            : ` ${draw}`;
      const name = `${brand} ${industry.word}${qualifier}`;
      if (this.usedNames.has(name.toLowerCase())) continue;
      const slug = `${brand}${industry.slug}${qualifier.replace(/[^A-Za-z0-9]/g, '')}`.toLowerCase();
      const domain = this.freeDomain(random, slug);
      this.usedNames.add(name.toLowerCase());
      this.usedDomains.add(domain);
      return { name, domain };
    }
  }

  private freeDomain(random: Random, slug: string): string {
    const preferred = `${slug}.${random.weighted(DOMAIN_TLDS)}`;
    if (!this.usedDomains.has(preferred)) return preferred;
    for (const [tld] of DOMAIN_TLDS) {
      const candidate = `${slug}.${tld}`;
      if (!this.usedDomains.has(candidate)) return candidate;
    }
    for (let n = 2; ; n++) {
      const candidate = `${slug}${n}.com`;
      if (!this.usedDomains.has(candidate)) return candidate;
    }
  }
}
