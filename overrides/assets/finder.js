// Familiennetz: the finder (the offers' listing). Without JavaScript the page lists every
// item; with it, the filter form narrows the list as you choose. Which filters there are,
// and the cards' data attributes they compare, come from the page's configuration
// (#fn-finder-config, from scripts/familiennetz/render/finder.py). The choice lives in the
// URL (?kreis=…&art=…&kostenlos=ja&q=…), so a link shares it.
import { fold as foldWith } from "./fn-text.js";

const config = JSON.parse(document.getElementById("fn-finder-config").textContent);
const fold = (text) => foldWith(text, config.fold);
const form = document.querySelector("[data-fn-finder]");
const cards = [...document.querySelectorAll(".fn-listing article.fn-card")];
const countEl = document.querySelector("[data-fn-finder-count]");
const statusEl = document.getElementById("fn-finder-status");
const emptyEl = document.querySelector("[data-fn-finder-empty]");
const SELECTS = config.filters.map((f) => f.key);
const TOGGLES = config.toggles;

const words = new Map(cards.map((card) => [card, fold(card.textContent.replace(/\s+/g, " "))]));

function list(card, name) {
  return (card.dataset[name] || "").split(" ").filter(Boolean);
}

function choice() {
  const data = new FormData(form);
  const c = { q: (data.get("q") || "").trim() };
  for (const name of SELECTS) c[name] = data.get(name) || "";
  for (const name of TOGGLES) c[name] = data.get(name) === "ja";
  return c;
}

function matches(card, c, terms) {
  return config.filters.every(({ key, everyone }) => {
    const values = list(card, key);
    return !c[key] || values.includes(c[key]) || (everyone !== null && values.includes(everyone));
  }) && TOGGLES.every((key) => !c[key] || card.dataset[key] === "ja")
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
  for (const name of TOGGLES) form.elements[name].checked = params.get(name) === "ja";
}

function writeUrl(c) {
  const params = new URLSearchParams();
  if (c.q) params.set("q", c.q);
  for (const name of SELECTS) if (c[name]) params.set(name, c[name]);
  for (const name of TOGGLES) if (c[name]) params.set(name, "ja");
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
  const filtered = shown !== cards.length || Object.values(c).some(Boolean);
  countEl.textContent = filtered ? `(${shown} von ${cards.length})` : `(${cards.length})`;
  emptyEl.hidden = shown > 0;
  writeUrl(c);
  // Announce once the reader pauses, not at every keystroke.
  clearTimeout(announceTimer);
  const message = (filtered ? config.messages.matched : config.messages.all)
    .replace("{shown}", shown).replace("{total}", cards.length);
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
