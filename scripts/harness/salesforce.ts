/**
 * Salesforce record pages built from the markup Lightning Experience and Classic produce (SLDS classes, the
 * one.app shell, `records-*` / `force-*` / `lightning-*` custom elements). Some elements carry OPEN shadow roots
 * (declarative `<template shadowrootmode="open">`), as LWC components do: the highlights panel's header, actions
 * and secondary fields and the related lists live only inside them. The Account lookup of a Contact, Opportunity
 * or Case is a light-DOM `<a href="/lightning/r/001…/view">` in the details section (and again inside the
 * highlights panel's shadow root).
 *
 * Lightning keeps visited record pages in the DOM and shows one (`.oneContent.active`); the console app (an org
 * subdomain containing "console") also shows workspace tabs. tests/fixtures/hosts/salesforce/lightning.js
 * navigates with history.pushState and fetches further views from `/__fixture/lightning/view?path=`.
 */
import { toSalesforceId18, salesforceObjectOf } from '../../lib/hosts/salesforce/record-id';
import { findSalesforceRecord, type HostModel, type SalesforceField, type SalesforceObject, type SalesforceRecord } from './host-model';
import { html, jsonForScript, SafeHtml } from './html';

const OBJECTS: readonly SalesforceObject[] = ['Account', 'Contact', 'Opportunity', 'Case'];
const PLURAL: Record<SalesforceObject, string> = { Account: 'Accounts', Contact: 'Contacts', Opportunity: 'Opportunities', Case: 'Cases' };
const ICON: Record<SalesforceObject, string> = { Account: 'account', Contact: 'contact', Opportunity: 'opportunity', Case: 'case' };
const KEY_PREFIX: Record<SalesforceObject, string> = { Account: '001', Contact: '003', Opportunity: '006', Case: '500' };

/** `/lightning/r/Account/ID/view` or the short `/lightning/r/ID/view`; null for other paths. */
export function parseLightningPath(path: string): { object: string | null; id: string } | null {
  const m = /^\/lightning\/r\/(?:([A-Za-z_]+)\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view\/?$/.exec(path);
  return m ? { object: m[1] ?? null, id: m[2]! } : null;
}

export interface LightningView {
  /** The document title while this view is current. */
  title: string;
  /** The console workspace tab's label. */
  label: string;
  html: SafeHtml;
  found: boolean;
}

/** The record view for a Lightning path: the record page, or Lightning's "record not available" page. */
export function lightningView(model: HostModel, path: string): LightningView {
  const parsed = parseLightningPath(path);
  const record = parsed ? findSalesforceRecord(model, parsed.id) : undefined;
  if (!parsed || !record || (parsed.object !== null && parsed.object !== record.object)) {
    return {
      title: 'Error | Salesforce',
      label: 'Error',
      found: false,
      html: html`<div class="slds-card slds-p-around_large forceRecordNotFound" role="alert">
  <div class="slds-illustration slds-illustration_small"><h3 class="slds-text-heading_medium">This record isn't available.</h3>
  <p class="slds-text-body_regular">It may have been deleted, or you may not have permission to view it.</p></div>
</div>`,
    };
  }
  return { title: `${record.name} | ${record.object} | Salesforce`, label: record.name, found: true, html: recordHome(model, record) };
}

function lightningLink(record: { id: string }, text: string): SafeHtml {
  return html`<records-hoverable-link class="slds-grow"><a href="/lightning/r/${record.id}/view" data-recordid="${record.id}" data-navigation="enable" class="flex-wrap-ie11 slds-truncate" target="_self"><slot><span class="slds-truncate">${text}</span></slot></a></records-hoverable-link>`;
}

function fieldValue(field: SalesforceField, link: (id: string, text: string) => SafeHtml): SafeHtml {
  if (field.lookupId) return html`<force-lookup class="slds-grid">${link(field.lookupId, field.value)}</force-lookup>`;
  return html`<lightning-formatted-text class="slds-truncate">${field.value}</lightning-formatted-text>`;
}

function layoutItem(field: SalesforceField): SafeHtml {
  return html`<records-record-layout-item field-label="${field.label}" class="slds-form__item slds-no-space">
  <div class="slds-form-element slds-form-element_readonly slds-form-element_horizontal">
    <dt class="slds-form-element__label">${field.label}</dt>
    <dd class="slds-form-element__control"><div class="slds-form-element__static slds-grow">${fieldValue(field, (id, text) => lightningLink({ id }, text))}</div></dd>
  </div>
</records-record-layout-item>`;
}

// Components style their own shadow trees (page CSS does not reach into them), as LWC components do.
const HIGHLIGHTS_CSS = new SafeHtml(`
.highlights { padding: 12px 16px; font: 13px/1.5 system-ui, Arial, sans-serif; }
.primaryFieldRow { display: flex; justify-content: space-between; align-items: flex-start; }
.slds-media { display: flex; gap: 12px; align-items: center; }
.slds-icon_container { display: inline-block; width: 32px; height: 32px; border-radius: 4px; background: #5867e8; }
.slds-icon-standard-contact { background: #a094ed; } .slds-icon-standard-opportunity { background: #ff5d2d; } .slds-icon-standard-case { background: #f2cf5b; }
h1 { margin: 0; font-size: 18px; font-weight: 700; line-height: 1.25; }
.entityNameTitle { font-size: 12px; font-weight: 400; color: #444; }
.slds-button-group-list { display: flex; list-style: none; margin: 0; padding: 0; }
.slds-button { border: 1px solid #c9c9c9; background: #fff; color: #0176d3; padding: 4px 12px; margin-left: -1px; font: inherit; }
.secondaryFields { display: flex; gap: 32px; list-style: none; margin: 12px 0 0; padding: 0; }
.slds-text-title { margin: 0; font-size: 12px; color: #444; }
.fieldComponent { margin: 0; }
a { color: #0176d3; text-decoration: none; }
`);
const RELATED_LIST_CSS = new SafeHtml(`
.slds-card { background: #fff; border: 1px solid #c9c9c9; border-radius: 4px; padding: 12px 16px; font: 13px/1.5 system-ui, Arial, sans-serif; }
.slds-card__header-title { margin: 0 0 8px; font-size: 14px; font-weight: 700; }
.slds-text-color_weak { color: #444; font-weight: 400; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 2px 0; }
a { color: #0176d3; text-decoration: none; }
`);

function highlights(record: SalesforceRecord): SafeHtml {
  // The first field is the record's name (shown as the title); the next few are the highlights.
  const secondary = record.fields.slice(1, 5);
  return html`<records-lwc-highlights-panel>
<records-highlights2>
  <template shadowrootmode="open">
    <style>${HIGHLIGHTS_CSS}</style>
    <div class="highlights slds-page-header slds-page-header_record-home forceHighlightsStencilDesktop">
      <div class="slds-grid primaryFieldRow">
        <div class="slds-media slds-no-space slds-grow">
          <div class="slds-media__figure"><span class="slds-icon_container slds-icon-standard-${ICON[record.object]}" title="${record.object}"></span></div>
          <div class="slds-media__body">
            <h1><div class="entityNameTitle slds-line-height_reset">${record.object}</div>
              <slot name="primaryField" class="slds-page-header__title slds-m-right--small slds-align-middle fade-text"></slot></h1>
          </div>
        </div>
        <div class="actionsContainer"><ul class="slds-button-group-list">
          <li><button class="slds-button slds-button_neutral" type="button">Follow</button></li>
          <li><button class="slds-button slds-button_neutral" type="button">Edit</button></li>
          <li><button class="slds-button slds-button_neutral" type="button">Delete</button></li>
        </ul></div>
      </div>
      <ul class="slds-grid slds-page-header__detail-row secondaryFields">
        ${secondary.map(
          (field) => html`<li class="slds-page-header__detail-block"><records-highlights-details-item>
            <p class="slds-text-title slds-truncate" title="${field.label}">${field.label}</p>
            <p class="fieldComponent slds-text-body--regular">${fieldValue(field, (id, text) => html`<a href="/lightning/r/${id}/view" data-recordid="${id}">${text}</a>`)}</p>
          </records-highlights-details-item></li>`,
        )}
      </ul>
    </div>
  </template>
  <lightning-formatted-text slot="primaryField">${record.name}</lightning-formatted-text>
</records-highlights2>
</records-lwc-highlights-panel>`;
}

function relatedLists(model: HostModel, account: SalesforceRecord): SafeHtml {
  const related = [...model.salesforce.records.values()].filter((r) => r.accountId === account.id);
  const lists = (['Contact', 'Opportunity', 'Case'] as const).map((object) => {
    const rows = related.filter((r) => r.object === object);
    return html`<lst-related-list-single-container class="slds-card__body">
  <template shadowrootmode="open">
    <style>${RELATED_LIST_CSS}</style>
    <article class="slds-card slds-card_boundary related_list_card">
      <header class="slds-card__header"><h2 class="slds-card__header-title"><span title="${PLURAL[object]}">${PLURAL[object]}</span> <span class="slds-text-color_weak">(${rows.length})</span></h2></header>
      <ul class="slds-card__body slds-card__body_inner">${rows
        .slice(0, 6)
        .map((r) => html`<li class="slds-item"><a href="/lightning/r/${r.id}/view" data-recordid="${r.id}">${r.name}</a></li>`)}</ul>
    </article>
  </template>
</lst-related-list-single-container>`;
  });
  return html`<div class="related-lists slds-col slds-size_1-of-3">${lists}</div>`;
}

function recordHome(model: HostModel, record: SalesforceRecord): SafeHtml {
  const flexipage = `forcegenerated-flexipage_${record.object.toLowerCase()}_rec_l_${record.object.toLowerCase()}__view_js`;
  return html`<one-record-home-flexipage2 data-record-id="${record.id}">
<${new SafeHtml(flexipage)} class="flexipage">
<flexipage-record-home-template-desktop2 class="slds-grid slds-wrap">
  <div class="slds-col slds-size_1-of-1 header">${highlights(record)}</div>
  <div class="slds-col slds-grow main-region">
    <flexipage-tabset2><div class="slds-tabs_default">
      <ul class="slds-tabs_default__nav" role="tablist">
        <li class="slds-tabs_default__item slds-is-active" role="presentation"><a class="slds-tabs_default__link" role="tab" aria-selected="true">Details</a></li>
        <li class="slds-tabs_default__item" role="presentation"><a class="slds-tabs_default__link" role="tab" aria-selected="false">Related</a></li>
      </ul>
      <records-record-layout-event-broker><records-lwc-detail-panel><records-base-record-form>
        <records-record-layout2 class="slds-form">
          <records-record-layout-section><force-record-layout-section>
            <h3 class="slds-section__title test-id__section-header-container"><span class="test-id__section-header-title">${record.object} Information</span></h3>
            <div class="slds-section__content"><dl class="slds-form slds-grid slds-wrap">
              ${record.fields.map(layoutItem)}
            </dl></div>
          </force-record-layout-section></records-record-layout-section>
        </records-record-layout2>
      </records-base-record-form></records-lwc-detail-panel></records-record-layout-event-broker>
    </div></flexipage-tabset2>
  </div>
  ${record.object === 'Account' ? relatedLists(model, record) : null}
</flexipage-record-home-template-desktop2>
</${new SafeHtml(flexipage)}>
</one-record-home-flexipage2>`;
}

/**
 * Console workspace tabs opened besides the current record: the two records after it in data-set order
 * (Lightning console restores the agent's tabs).
 */
function consoleTabs(model: HostModel, currentPath: string): string[] {
  const ids = [...model.salesforce.records.values()].filter((r) => r.object === 'Account').map((r) => r.id);
  const current = parseLightningPath(currentPath)?.id;
  const currentId = current ? toSalesforceId18(current) : null;
  const at = currentId ? ids.indexOf(currentId) : -1;
  const picked: string[] = [];
  for (let step = 1; step <= ids.length && picked.length < 2; step++) {
    const id = ids[(at + step) % ids.length]!;
    if (id !== currentId) picked.push(`/lightning/r/Account/${id}/view`);
  }
  return picked;
}

/**
 * `renderAfterMs`: the current record is not in the served HTML; the client fetches and renders it that long
 * after start, as real Lightning renders records client-side (anchors appear after the content script starts).
 */
export function lightningPage(
  model: HostModel,
  path: string,
  org: string,
  { renderAfterMs }: { renderAfterMs?: number } = {},
): { status: number; body: SafeHtml } {
  const consoleApp = org.includes('console');
  const paths = consoleApp ? [...consoleTabs(model, path), path] : [path];
  const views = paths.map((p) => ({ path: p, view: lightningView(model, p) }));
  const current = views.at(-1)!.view;
  const boot = {
    console: consoleApp,
    renderAfterMs: renderAfterMs ?? null,
    views: views.map(({ path: p, view }) => ({ path: p, title: view.title, label: view.label })),
  };
  const spinner = html`<div class="slds-spinner_container"><div role="status" class="slds-spinner slds-spinner_medium">Loading</div></div>`;
  const body = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${current.title}</title>
<link rel="stylesheet" href="/__fixture/assets/salesforce/lightning.css">
</head>
<body class="desktop">
<div class="desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost forceAccess${consoleApp ? ' navexConsoleApp' : ''}" data-aura-class="oneOne">
<div class="viewport" data-aura-class="oneAppLayoutHost">
  <header id="oneHeader" class="slds-global-header_container" data-aura-class="oneHeader">
    <div class="slds-global-header slds-grid slds-grid_align-spread">
      <div class="slds-global-header__item"><div class="slds-global-header__logo" title="Salesforce">☁</div></div>
      <div class="slds-global-header__item slds-global-header__item_search"><input class="slds-input" type="search" placeholder="Search..." aria-label="Search"></div>
      <div class="slds-global-header__item"><span class="slds-avatar slds-avatar_circle" title="Casey CSM">CC</span></div>
    </div>
    <one-appnav><div class="slds-context-bar">
      <div class="slds-context-bar__primary"><one-app-launcher-header class="slds-context-bar__item"><span class="appName slds-context-bar__label-action" title="${consoleApp ? 'Service Console' : 'Sales'}">${consoleApp ? 'Service Console' : 'Sales'}</span></one-app-launcher-header></div>
      <nav class="slds-context-bar__secondary" role="navigation"><one-app-nav-bar class="slds-grid">
        ${OBJECTS.map((o) => html`<one-app-nav-bar-item-root class="navItem slds-context-bar__item"><a href="/lightning/o/${o}/home" class="slds-context-bar__label-action" title="${PLURAL[o]}"><span class="slds-truncate">${PLURAL[o]}</span></a></one-app-nav-bar-item-root>`)}
      </one-app-nav-bar></nav>
    </div></one-appnav>
    ${consoleApp ? html`<div class="tabsetHeader slds-context-bar slds-context-bar_tabs" data-aura-class="navexWorkspaceManager"><ul role="tablist" class="tabBarItems slds-grid"></ul></div>` : null}
  </header>
  <div class="mainContentMark" id="brandBand_1"><div class="oneCenterStage" data-aura-class="oneCenterStage">
    ${views.map(
      ({ view }, i) =>
        html`<div class="windowViewMode-normal oneContent lafPageHost${i === views.length - 1 ? ' active' : ''}" data-aura-class="oneContent">${
          renderAfterMs !== undefined && i === views.length - 1 ? spinner : view.html
        }</div>`,
    )}
  </div></div>
</div>
</div>
<script type="application/json" id="fixture-boot">${jsonForScript(boot)}</script>
<script src="/__fixture/assets/salesforce/lightning.js"></script>
</body>
</html>`;
  return { status: current.found ? 200 : 404, body };
}

/** `/001…` (15 or 18 characters) on a my.salesforce.com host; null for other paths. */
export function parseClassicPath(path: string): string | null {
  return /^\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/?$/.exec(path)?.[1] ?? null;
}

export function classicPage(model: HostModel, path: string): { status: number; body: SafeHtml } | undefined {
  const id = parseClassicPath(path);
  if (!id) return undefined;
  const record = findSalesforceRecord(model, id);
  const object = record?.object ?? salesforceObjectOf(id);
  const classicLink = (lookupId: string, text: string) => html`<a href="/${lookupId.slice(0, 15)}" id="lookup${lookupId.slice(0, 15)}">${text}</a>`;
  const body = html`<!doctype html>
<html>
<head><meta charset="utf-8"><title>${record ? `${object}: ${record.name} ~ Salesforce - Enterprise Edition` : 'Data Not Available'}</title>
<link rel="stylesheet" href="/__fixture/assets/salesforce/classic.css"></head>
<body class="hasMotif ${object.toLowerCase()}Tab detailPage sfdcBody brandQuaternaryBgr">
<div id="AppBodyHeader" class="bPageHeader"><div id="phHeader"><span class="logo">salesforce</span></div>
  <ul id="tabBar" class="zen-inlineList zen-tabMenu">${OBJECTS.map((o) => html`<li class="${o === object ? 'zen-active' : ''}"><a href="/${KEY_PREFIX[o]}/o">${PLURAL[o]}</a></li>`)}</ul>
</div>
<div id="contentWrapper"><table class="outer" id="bodyTable"><tr>
<td id="sidebarCell" class="sidebarCell"><div class="sidebarModule">Recent Items</div></td>
<td id="bodyCell" class="oRight">
${
  record
    ? html`<div class="bPageTitle"><div class="ptBody"><div class="content">
  <h1 class="pageType">${object}<span class="titleSeparatingColon">:</span></h1>
  <h2 class="pageDescription"> ${record.name}</h2></div></div></div>
<div class="bPageBlock brandSecondaryBrd bDetailBlock secondaryPalette" id="ep">
  <div class="pbHeader"><table><tr><td class="pbTitle"><h2 class="mainTitle">${object} Detail</h2></td>
    <td class="pbButton"><input value=" Edit " class="btn" type="button"><input value="Delete" class="btn" type="button"></td></tr></table></div>
  <div class="pbBody"><div class="pbSubsection"><table class="detailList">
    ${record.fields.map(
      (field, i) => html`<tr><td class="labelCol">${field.label}</td><td class="dataCol col02"><div id="fld${i}_ileinner">${field.lookupId ? classicLink(field.lookupId, field.value) : field.value}</div></td></tr>`,
    )}
  </table></div></div>
</div>`
    : html`<div class="bPageTitle"><h1 class="pageType">Data Not Available</h1></div>
<p class="noData">The data you were trying to access could not be found. It may be due to another user deleting the data or a system error.</p>`
}
</td></tr></table></div>
</body>
</html>`;
  return { status: record ? 200 : 404, body };
}
