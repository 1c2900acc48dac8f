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
    // alarms: the daily rescoring runs while the service worker sleeps.
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    // Host access to exactly the pages the content scripts run on. Needed beyond the content-script matches
    // because the side panel is an extension iframe inside those pages: Chrome partitions an embedded frame's
    // IndexedDB by the top-level site unless the extension has host permission for it, and a partitioned panel
    // would see an empty database instead of the team's.
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
