// Familiennetz: the finder (the offers' listing). Without JavaScript the page lists every
// item (a district page /angebote/kreis/<slug>/: that district's); with it, the filter
// form narrows the list as you choose. Which filters there are, and the cards' data
// attributes they compare, come from the page's configuration (#fn-finder-config, from
// scripts/familiennetz/render/finder.py). The choice lives in the URL — the district in
// the path, the rest as parameters (/angebote/kreis/saarlouis/?art=beratung&kostenlos=ja) —
// so a link shares it, and works without JavaScript for the district. Old links with
// ?kreis=… still work here.
import { fold as foldWith } from "./fn-text.js";

const config = JSON.parse(document.getElementById("fn-finder-config").textContent);
const fold = (text) => foldWith(text, config.fold);
const form = document.querySelector("[data-fn-finder]");
// A district page carries the other districts' offers hidden: from here on the filters
// decide what shows, as on the finder of all offers.
for (const wrapper of document.querySelectorAll("[data-fn-elsewhere]")) wrapper.replaceWith(...wrapper.childNodes);
const cards = [...document.querySelectorAll(".fn-listing article.fn-card")];
const countEl = document.querySelector("[data-fn-finder-count]");
const statusEl = document.getElementById("fn-finder-status");
const emptyEl = document.querySelector("[data-fn-finder-empty]");
const toggle = form.querySelector("[data-fn-finder-toggle]");
const panel = form.querySelector("[data-fn-finder-panel]");
const activeEl = form.querySelector("[data-fn-finder-active]");
const SELECTS = config.filters.map((f) => f.key);
const TOGGLES = config.toggles;
const PAGED = config.paged; // the filter whose values have pages of their own: "kreis"
const root = new URL(form.dataset.fnFinderRoot, location.href); // /…/angebote/
const PHONE = window.matchMedia("(max-width: 44.9375em)");

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

function hasValue(card, { key, everyone }, value) {
  const values = list(card, key);
  return values.includes(value) || (everyone !== null && values.includes(everyone));
}

// The groups a card fails under the choice: none → shown; one → it would show if that
// group were chosen otherwise, which is what the group's counts tell.
function failures(card, c, terms) {
  const failed = [];
  if (!terms.every((term) => words.get(card).includes(term))) failed.push("q");
  for (const filter of config.filters) {
    if (c[filter.key] && !hasValue(card, filter, c[filter.key])) failed.push(filter.key);
  }
  for (const key of TOGGLES) if (c[key] && card.dataset[key] !== "ja") failed.push(key);
  return failed;
}

// Each option's count: the items that would show if it were chosen, with the other
// groups as they are (the reader's "how many do I get if I pick this?").
function updateCounts(c, failed) {
  const counts = Object.fromEntries([...SELECTS, ...TOGGLES].map((key) => [key, new Map()]));
  cards.forEach((card, i) => {
    const f = failed[i];
    if (f.length > 1 || f[0] === "q") return;
    for (const filter of config.filters) {
      if (f.length && f[0] !== filter.key) continue;
      const seen = new Set(list(card, filter.key));
      const everyone = filter.everyone !== null && seen.has(filter.everyone);
      for (const option of form.elements[filter.key].options) {
        if (option.value && (everyone || seen.has(option.value))) {
          counts[filter.key].set(option.value, (counts[filter.key].get(option.value) || 0) + 1);
        }
      }
    }
    for (const key of TOGGLES) {
      if ((!f.length || f[0] === key) && card.dataset[key] === "ja") {
        counts[key].set("ja", (counts[key].get("ja") || 0) + 1);
      }
    }
  });
  for (const key of SELECTS) {
    for (const option of form.elements[key].options) {
      if (option.value) option.textContent = `${option.dataset.label} (${counts[key].get(option.value) || 0})`;
    }
  }
  for (const key of TOGGLES) {
    const label = form.querySelector(`label[for="fn-finder-${key}"]`);
    label.textContent = `${label.dataset.label} (${counts[key].get("ja") || 0})`;
  }
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") || "";
  for (const name of SELECTS) {
    const select = form.elements[name];
    const value = params.get(name) ?? (name === PAGED ? config.current : null) ?? "";
    select.value = [...select.options].some((o) => o.value === value) ? value : "";
  }
  for (const name of TOGGLES) form.elements[name].checked = params.get(name) === "ja";
}

// The district goes into the path: that page exists, and shows the same without JavaScript.
function writeUrl(c) {
  const params = new URLSearchParams();
  if (c.q) params.set("q", c.q);
  for (const name of SELECTS) if (c[name] && name !== PAGED) params.set(name, c[name]);
  for (const name of TOGGLES) if (c[name]) params.set(name, "ja");
  const query = params.toString();
  const path = PAGED && c[PAGED] ? new URL(`${PAGED}/${c[PAGED]}/`, root) : root;
  history.replaceState(null, "", path.pathname + (query ? `?${query}` : ""));
}

// The page's links are relative to its address, which writeUrl changes: pin them to where
// they point now, before the first change.
function pinLinks() {
  for (const el of document.querySelectorAll("a[href], link[href]")) {
    if (!el.getAttribute("href").startsWith("#")) el.setAttribute("href", el.href);
  }
  for (const el of document.querySelectorAll("img[src]")) el.setAttribute("src", el.src);
  for (const el of document.querySelectorAll("form[action]")) el.setAttribute("action", el.action);
}

// The heading says whose offers these are: it follows the district, as the address does.
const heading = document.querySelector("#fn-inhalt h1");
const pageHeading = heading ? heading.textContent : "";

function showHeading(c) {
  if (!PAGED || !heading) return;
  const chosen = c[PAGED];
  let text = pageHeading;
  if (chosen !== (config.current ?? "")) {
    text = chosen ? `${config.plural}: ${form.elements[PAGED].selectedOptions[0].dataset.label}` : config.plural;
  }
  if (heading.textContent !== text) {
    document.title = document.title.replace(heading.textContent, text);
    heading.textContent = text;
  }
}

function showActive(c) {
  const active = Object.values(c).filter(Boolean).length;
  activeEl.textContent = active ? ` (${active} aktiv)` : "";
}

function expand(open) {
  toggle.setAttribute("aria-expanded", String(open));
  panel.hidden = !open;
}

let announceTimer = 0;

function apply({ announce = true } = {}) {
  const c = choice();
  const terms = fold(c.q).split(/\s+/).filter(Boolean);
  const failed = cards.map((card) => failures(card, c, terms));
  let shown = 0;
  cards.forEach((card, i) => {
    card.hidden = failed[i].length > 0;
    if (!card.hidden) shown += 1;
  });
  updateCounts(c, failed);
  showActive(c);
  showHeading(c);
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

pinLinks();
for (const el of document.querySelectorAll("[data-fn-finder-nojs]")) el.hidden = true;
form.hidden = false;
expand(!PHONE.matches); // on a phone the list comes first; the button says what is chosen
toggle.addEventListener("click", () => expand(toggle.getAttribute("aria-expanded") !== "true"));
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
  expand(true);
  form.elements.q.focus();
});
form.dataset.fnReady = "true"; // for the browser tests: the list follows the form
