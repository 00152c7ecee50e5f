/* The filter of the overview of feeds (/abonnieren/): typing shows only the feeds whose
 * name (or group) contains the words, opens the groups that have one, hides those that
 * have none, and says in the status (role="status") how many there are. Umlauts match
 * both ways (the fold map comes from the page: familiennetz.text.FOLD). An empty field
 * shows everything as it was. Without JavaScript the form stays hidden and every group
 * is there to open. */
(function () {
  "use strict";
  var root = document.querySelector("[data-fn-subs]");
  if (!root) return;
  var form = root.querySelector("[data-fn-subs-filter]");
  var input = form.querySelector("input");
  var status = form.querySelector("[role=status]");
  var fold = JSON.parse(root.getAttribute("data-fn-fold") || "{}");
  var groups = Array.prototype.slice.call(root.querySelectorAll("[data-fn-subs-group]"));
  var opened = groups.map(function (group) {
    var more = group.querySelector("[data-fn-subs-more]");
    return more ? more.open : true;
  });

  function normal(text) {
    var out = text.toLowerCase();
    Object.keys(fold).forEach(function (letter) { out = out.split(letter).join(fold[letter]); });
    return out.split(/\s+/).filter(Boolean);
  }

  function apply() {
    var words = normal(input.value);
    var total = 0;
    groups.forEach(function (group, index) {
      var shown = 0;
      group.querySelectorAll("[data-fn-terms]").forEach(function (item) {
        var terms = item.getAttribute("data-fn-terms");
        var hit = words.every(function (word) { return terms.indexOf(word) !== -1; });
        item.hidden = !hit;
        if (hit) shown += 1;
      });
      group.hidden = shown === 0;
      var more = group.querySelector("[data-fn-subs-more]");
      if (more) more.open = words.length ? shown > 0 : opened[index];
      var count = group.querySelector("[data-fn-subs-count]");
      if (count) {  // "(1 von 6)": the group has more than the filter shows
        var all = count.getAttribute("data-fn-subs-count");
        count.textContent = words.length ? "(" + shown + " von " + all + ")" : "(" + all + ")";
      }
      total += shown;
    });
    if (!words.length) {
      status.textContent = "";
    } else if (total === 0) {
      status.textContent = "Keine Treffer für „" + input.value.trim() + "“. Prüfen Sie die " +
        "Schreibweise oder löschen Sie die Eingabe, um wieder alle Abonnements zu sehen.";
    } else {
      status.textContent = total === 1 ? "1 Abonnement gefunden." : total + " Abonnements gefunden.";
    }
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("input", apply);
  if (input.value) apply();  // a value the browser kept on going back
})();
