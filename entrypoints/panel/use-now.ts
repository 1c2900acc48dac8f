import { useEffect, useState } from 'react';

/** The page's clock, re-read every `intervalMs`: what makes an SLA's time left and overdue flags move. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
