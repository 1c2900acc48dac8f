import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
// Host pages Sightline reads (lib/content/host-pages.ts). Nothing else: the extension has no reason to see other sites.
import { ALL_HOST_MATCHES } from './lib/content/host-pages';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: {
    name: 'Sightline — customer health',
    description: 'Customer health, journey and playbooks inside Zendesk and Salesforce. Local-first: your data stays in your browser.',
    // storage: extension settings; unlimitedStorage: the portfolio database can exceed the default quota;
    // alarms: the daily rescoring runs while the service worker sleeps; scripting: the background injects each
    // host page's session script into it once it has loaded, and on install and update into Zendesk/Salesforce tabs
    // that were already open; webNavigation: to learn that a Zendesk/Salesforce page has loaded (its listeners are
    // filtered to those hosts, so other sites' navigations never reach Sightline). A declared content script, even
    // an empty one, slows every host page's load (issue 5): the manifest declares none.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'webNavigation'],
    // Host access to exactly the pages Sightline works on, and nothing else. The background needs it to
    // inject the session scripts (scripting.executeScript) and to find already-open tabs (tabs.query by URL). Page
    // data does not need it: session scripts read the host's API same-origin with the agent's session, and the
    // panel gets account data from the background by message.
    host_permissions: ALL_HOST_MATCHES,
    web_accessible_resources: [
      {
        // The side panel is an extension page shown in an iframe on the host pages.
        resources: ['panel.html'],
        matches: ALL_HOST_MATCHES,
      },
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open or close the Sightline panel on this page',
      },
    },
    browser_specific_settings: {
      gecko: { id: 'sightline@sightline.dev', strict_min_version: '115.0' },
    },
  },
});
