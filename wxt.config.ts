import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

/** Host pages Sightline reads. Nothing else: the extension has no reason to see other sites. */
export const HOST_MATCHES = {
  zendesk: ['https://*.zendesk.com/*'],
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
};

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: {
    name: 'Sightline — customer health',
    description: 'Customer health, journey and playbooks inside Zendesk and Salesforce. Local-first: your data stays in your browser.',
    // storage: extension settings; unlimitedStorage: the portfolio database can exceed the default quota;
    // alarms: the daily rescoring runs while the service worker sleeps; scripting: on install and update the
    // background injects the content scripts into Zendesk/Salesforce tabs that were already open (the browser
    // only injects into pages loaded afterwards).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    // Host access to exactly the pages the content scripts run on, and nothing else. The background needs it to
    // find those already-open tabs (tabs.query by URL) and inject into them (scripting.executeScript). Page data
    // does not need it: content scripts read the host's API same-origin with the agent's session, and the panel
    // gets account data from the background by message.
    host_permissions: [...HOST_MATCHES.zendesk, ...HOST_MATCHES.salesforce],
    web_accessible_resources: [
      {
        // The side panel is an extension page shown in an iframe on the host pages.
        resources: ['panel.html'],
        matches: [...HOST_MATCHES.zendesk, ...HOST_MATCHES.salesforce],
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
