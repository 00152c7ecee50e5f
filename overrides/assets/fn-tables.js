/* Wide tables scroll inside their own box on phones (Material wraps them): a keyboard can
 * scroll such a box only when it can focus it, and a screen reader should know what it is. */
(function () {
  "use strict";
  function label() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Tabelle, seitlich verschiebbar");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(label);
  else label();
  var waiting;
  window.addEventListener("resize", function () {  // a phone turned, a window resized
    clearTimeout(waiting);
    waiting = setTimeout(label, 200);
  });
})();
