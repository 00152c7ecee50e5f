// Familiennetz: the offer finder at /angebote/. Without JavaScript the page lists every
// offer; with it, the filter form narrows the list as you choose. Each card carries its
// values as data attributes (scripts/familiennetz/search/finder.py). The choice lives in
// the URL (?kreis=…&art=…&fuer=…&sprache=…&kostenlos=ja&q=…), so a link shares it.

const form = document.querySelector("[data-fn-finder]");
const cards = [...document.querySelectorAll(".fn-listing article[data-art]")];
const countEl = document.querySelector("[data-fn-finder-count]");
const statusEl = document.getElementById("fn-finder-status");
const emptyEl = document.querySelector("[data-fn-finder-empty]");
const SELECTS = ["kreis", "art", "fuer", "sprache"];
const FOR_EVERYONE = "alle"; // an offer "for everyone" matches every target group

/** Lower case, umlauts spelt out, accents dropped: "Frühe" and "Fruehe" compare equal. */
function fold(text) {
  return text.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue")
    .replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

const words = new Map(cards.map((card) => [card, fold(card.textContent.replace(/\s+/g, " "))]));

function list(card, name) {
  return (card.dataset[name] || "").split(" ").filter(Boolean);
}

function choice() {
  const data = new FormData(form);
  return {
    q: (data.get("q") || "").trim(),
    kreis: data.get("kreis") || "",
    art: data.get("art") || "",
    fuer: data.get("fuer") || "",
    sprache: data.get("sprache") || "",
    kostenlos: data.get("kostenlos") === "ja",
  };
}

function matches(card, c, terms) {
  const groups = list(card, "fuer");
  return (!c.kreis || list(card, "kreis").includes(c.kreis))
    && (!c.art || card.dataset.art === c.art)
    && (!c.fuer || groups.includes(c.fuer) || groups.includes(FOR_EVERYONE))
    && (!c.sprache || list(card, "sprache").includes(c.sprache))
    && (!c.kostenlos || card.dataset.kostenlos === "ja")
    && terms.every((term) => words.get(card).includes(term));
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") || "";
  for (const name of SELECTS) {
    const select = form.elements[name];
    const value = params.get(name) || "";
    select.value = [...select.options].some((o) => o.value === value) ? value : "";
  }
  form.elements.kostenlos.checked = params.get("kostenlos") === "ja";
}

function writeUrl(c) {
  const params = new URLSearchParams();
  if (c.q) params.set("q", c.q);
  for (const name of SELECTS) if (c[name]) params.set(name, c[name]);
  if (c.kostenlos) params.set("kostenlos", "ja");
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

let announceTimer = 0;

function apply({ announce = true } = {}) {
  const c = choice();
  const terms = fold(c.q).split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const card of cards) {
    const ok = matches(card, c, terms);
    card.hidden = !ok;
    if (ok) shown += 1;
  }
  const filtered = shown !== cards.length || Boolean(c.q || c.kreis || c.art || c.fuer || c.sprache || c.kostenlos);
  countEl.textContent = filtered ? `(${shown} von ${cards.length})` : `(${cards.length})`;
  emptyEl.hidden = shown > 0;
  writeUrl(c);
  // Announce once the reader pauses, not at every keystroke.
  clearTimeout(announceTimer);
  const message = filtered
    ? `${shown} von ${cards.length} Angeboten passen zu Ihrer Auswahl.`
    : `Alle ${cards.length} Angebote werden angezeigt.`;
  if (announce) announceTimer = setTimeout(() => { statusEl.textContent = message; }, 400);
  else statusEl.textContent = filtered ? message : "";
}

form.hidden = false;
readUrl();
apply({ announce: false });
form.addEventListener("input", () => apply());
form.addEventListener("change", () => apply());
form.addEventListener("submit", (event) => {
  event.preventDefault(); // Enter in the text field: the list is already up to date
  apply();
});
form.addEventListener("reset", () => setTimeout(() => apply(), 0));
document.querySelector("[data-fn-finder-reset]").addEventListener("click", (event) => {
  event.preventDefault();
  form.reset();
  form.elements.q.focus();
});
form.dataset.fnReady = "true"; // for the browser tests: the list follows the form
