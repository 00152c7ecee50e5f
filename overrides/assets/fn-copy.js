/* "Adresse kopieren": copies the address next to the button and says so, visibly and to
 * screen readers (the status beside it is role="status"). Where the Clipboard API is
 * missing or refused (older browsers, pages not served over https), the address is
 * selected instead and the status says how to copy it by hand. Without JavaScript the
 * buttons stay hidden and the address is plain text to select. */
(function () {
  "use strict";
  var COPIED = "Kopiert – fügen Sie die Adresse jetzt in Ihrer App ein.";
  var SELECTED = "Die Adresse ist markiert. Kopieren Sie sie mit Strg+C (Mac: ⌘+C) " +
    "oder über „Kopieren“ im Menü.";

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function say(status, text, done) {
    // Emptied first, so that the same words are announced again on a second click.
    status.textContent = "";
    status.classList.toggle("fn-copy__status--done", done);
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function byHand(address, status) {
    select(address);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    say(status, copied ? COPIED : SELECTED, copied);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-fn-copy]"), function (button) {
    var address = document.getElementById(button.getAttribute("data-fn-copy"));
    var status = button.parentNode.querySelector("[data-fn-copy-status]");
    if (!address || !status) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = address.textContent.trim();
      if (!navigator.clipboard || !navigator.clipboard.writeText) {
        byHand(address, status);
        return;
      }
      navigator.clipboard.writeText(text).then(function () {
        say(status, COPIED, true);
      }, function () {
        byHand(address, status);
      });
    });
  });
})();
