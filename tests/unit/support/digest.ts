/** The portfolio digest built at once (the service worker pauses between digestSteps' steps; tests need not). */
import { type DigestInput, digestSteps, type PortfolioDigest } from '@/lib/portfolio/digest';

export function buildDigest(input: DigestInput): PortfolioDigest {
  const steps = digestSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
