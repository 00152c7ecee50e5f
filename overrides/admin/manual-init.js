// Familiennetz registers its previews and its entry filter before the editor starts
// (familiennetz.js calls CMS.init()); a separate file because the page's
// Content-Security-Policy allows no inline scripts.
window.CMS_MANUAL_INIT = true;

// The page may not be framed (a meta-tag CSP cannot say `frame-ancestors`): a framing
// page could trick a logged-in press officer into clicks.
if (window.top !== window.self) {
  document.documentElement.hidden = true;
  throw new Error("Der Web-Editor darf nicht in einem Rahmen laufen.");
}
