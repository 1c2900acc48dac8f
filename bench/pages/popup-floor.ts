/**
 * Issue 7's floor: an extension page that reads ONE precomputed record (the popup's numbers, stored by the bench
 * under meta `bench:popup-floor`) with the plain IndexedDB API and paints it, then signals the same contract as
 * the popup: `data-ready="true"` on <html> and the `sightline:ready` mark.
 */
const request = indexedDB.open('sightline');
request.onsuccess = () => {
  const get = request.result.transaction('meta', 'readonly').objectStore('meta').get('bench:popup-floor');
  get.onsuccess = () => {
    const numbers = (get.result as { value?: Record<string, number> } | undefined)?.value ?? {};
    const list = document.createElement('dl');
    for (const [name, value] of Object.entries(numbers)) {
      const term = document.createElement('dt');
      term.textContent = name;
      const detail = document.createElement('dd');
      detail.textContent = String(value);
      list.append(term, detail);
    }
    document.body.append(list);
    document.documentElement.dataset.ready = 'true';
    performance.mark('sightline:ready');
  };
};
