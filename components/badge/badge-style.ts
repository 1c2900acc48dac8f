/**
 * Badge CSS. Every size is in px (never rem/em): inside a host page, rem follows the host's root font size.
 * `:host { all: initial }` stops the host page's inherited styles (fonts, line height, colours) leaking in.
 */
export const BADGE_CSS = `
:host {
  all: initial;
  display: inline-block;
  vertical-align: middle;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 12px;
  line-height: 16px;
}
:host([data-placement="inline"]) {
  margin-left: 8px;
}
:host([data-placement="overlay"]) {
  position: fixed;
  top: 64px;
  right: 16px;
  z-index: 2147483000;
}
.badge {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  gap: 6px;
  height: 28px;
  max-width: 280px;
  padding: 0 10px 0 4px;
  border-radius: 14px;
  border: 1px solid #cbd5e1;
  background: #ffffff;
  color: #0f172a;
  box-shadow: 0 1px 2px rgba(15, 23, 42, 0.12);
  cursor: pointer;
  white-space: nowrap;
}
.badge:hover { background: #f8fafc; }
.badge:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.score {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-width: 20px;
  height: 20px;
  padding: 0 3px;
  border-radius: 10px;
  font-weight: 700;
  font-size: 11px;
  color: #ffffff;
  background: #64748b;
}
.dot { width: 10px; height: 10px; margin-left: 5px; border-radius: 5px; background: #94a3b8; }
.badge[data-band="healthy"] .score { background: #15803d; }
.badge[data-band="at-risk"] .score { background: #b45309; }
.badge[data-band="critical"] .score { background: #b91c1c; }
.badge[data-state="error"] .dot { background: #b91c1c; }
.label { overflow: hidden; text-overflow: ellipsis; font-weight: 600; }
.muted { color: #475569; font-weight: 500; }
.action { color: #1d4ed8; font-weight: 600; }
.trend { font-size: 11px; font-weight: 600; }
.trend.up { color: #15803d; }
.trend.down { color: #b91c1c; }
.flag {
  font-size: 10px;
  line-height: 14px;
  padding: 0 4px;
  border-radius: 4px;
  background: #e2e8f0;
  color: #334155;
  text-transform: uppercase;
  letter-spacing: 0.02em;
}
.flag.stale { background: #fef3c7; color: #92400e; }
`;
