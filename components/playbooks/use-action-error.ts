import { useCallback, useState } from 'react';

/**
 * Runs a callback the page passed in (a database write, usually) and keeps its error message for display, so a
 * refused change (a skip without a reason, a closed run) says why instead of failing silently.
 */
export function useActionError() {
  const [error, setError] = useState<string | null>(null);
  const attempt = useCallback(async (action: () => void | Promise<void>): Promise<boolean> => {
    try {
      await action();
      setError(null);
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    }
  }, []);
  return { error, attempt };
}
