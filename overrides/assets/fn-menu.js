/* The menu on phones: Material's drawer, opened by a real button. The button says whether
 * the menu is open (aria-expanded). The open menu is a modal dialog: Tab goes round its
 * links and its own "Schließen" button, the page behind it is `inert` (also for screen
 * readers), and Escape or "Schließen" close it and put the focus back on the menu button.
 * A closed drawer is `inert` too: its links are not in the tab order while off screen. */
(function () {
  "use strict";
  // The current section, underlined in the tabs and coloured in the drawer, is said to
  // screen readers too: the page itself, or the section it belongs to.
  Array.prototype.forEach.call(document.querySelectorAll(
    ".md-tabs__item--active > .md-tabs__link, a.md-nav__link--active"), function (link) {
    link.setAttribute("aria-current", link.href === location.href.split(/[?#]/)[0] ? "page" : "true");
  });
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".fn-menu-button");
  var drawer = document.getElementById("fn-drawer");
  var close = drawer && drawer.querySelector(".fn-menu-close");
  if (!toggle || !button || !drawer) return;
  var wide = window.matchMedia("(min-width: 76.25em)");  // Material's: the menu runs across the top
  var behind = [];  // what this script made inert while the menu is open

  function shutOut(open) {
    behind.forEach(function (el) { el.inert = false; });
    behind = [];
    if (!open) return;
    // Everything beside the drawer's branch of the page, up to <body>: not the overlay
    // (a click on it closes the menu) and not the checkbox Material keeps its state in.
    for (var node = drawer; node.parentElement && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (el) {
        if (el === node || el === toggle || el.inert || el.tagName === "SCRIPT" ||
            el.classList.contains("md-overlay")) return;
        el.inert = true;
        behind.push(el);
      });
    }
  }
  function sync() {
    var open = toggle.checked && !wide.matches;
    button.setAttribute("aria-expanded", String(open));
    drawer.inert = !open;
    if (open) {
      drawer.setAttribute("role", "dialog");
      drawer.setAttribute("aria-modal", "true");
      drawer.setAttribute("aria-label", "Menü");
    } else {
      ["role", "aria-modal", "aria-label"].forEach(function (name) { drawer.removeAttribute(name); });
    }
    shutOut(open);
  }
  function set(open, focus) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
    sync();
    if (open) {
      var first = drawer.querySelector("a[href]");
      if (first) first.focus();
    } else if (focus) {
      button.focus();
    }
  }
  button.hidden = false;
  button.addEventListener("click", function () { set(!toggle.checked, true); });
  if (close) {
    close.hidden = false;
    close.addEventListener("click", function () { set(false, true); });
  }
  toggle.addEventListener("change", sync);  // Material closes it too (overlay, links)
  document.addEventListener("keydown", function (event) {
    if (!toggle.checked || wide.matches) return;
    if (event.key === "Escape") {
      set(false, true);
    } else if (event.key === "Tab") {
      // Round the menu: the browser would leave it for the address bar.
      var stops = Array.prototype.slice.call(
        drawer.querySelectorAll("a[href], button, input, [tabindex='0']")).filter(function (el) {
          return el.offsetParent !== null;
        });
      if (!stops.length) return;
      var at = stops.indexOf(document.activeElement);
      var next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1)
                                : (at === -1 || at === stops.length - 1 ? 0 : at + 1);
      stops[next].focus();
      event.preventDefault();
    }
  });
  wide.addEventListener("change", sync);
  sync();
})();
