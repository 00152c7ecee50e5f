// Familiennetz registers its previews and its entry filter before the editor starts
// (familiennetz.js calls CMS.init()); a separate file because the page's
// Content-Security-Policy allows no inline scripts.
window.CMS_MANUAL_INIT = true;
