/* The menu on phones: Material's drawer, opened by a real button. The button says whether
 * the menu is open (aria-expanded), Escape closes it and puts the focus back on the button,
 * and a closed drawer is `inert`: its links are not in the tab order while off screen. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".fn-menu-button");
  var drawer = document.getElementById("fn-drawer");
  if (!toggle || !button || !drawer) return;
  var wide = window.matchMedia("(min-width: 76.25em)");  // Material's: the menu runs across the top

  function sync() {
    var open = toggle.checked && !wide.matches;
    button.setAttribute("aria-expanded", String(open));
    drawer.inert = !open;
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
  toggle.addEventListener("change", sync);  // Material closes it too (overlay, links)
  document.addEventListener("keydown", function (event) {
    if (!toggle.checked || wide.matches) return;
    if (event.key === "Escape") {
      set(false, true);
    } else if (event.key === "Tab") {
      // While open, Tab goes round the menu and its button only: the page behind it is
      // covered, and focus there could not be seen.
      var stops = [button].concat(Array.prototype.slice.call(
        drawer.querySelectorAll("a[href], button, input, [tabindex='0']")).filter(function (el) {
          return el.offsetParent !== null;
        }));
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
