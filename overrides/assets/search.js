// Familiennetz: the search page (/suche/). The query comes from the search box in the
// header (the site's one search box); results, filters and the URL follow it as you type.
// Pagefind (site/pagefind/) loads only the index chunks a query needs.
//
// Before Pagefind is asked, each query word is checked against the site's own words
// (fn-search-words.js): too short ones are left out and said so, a compound the site uses
// only in parts is searched as its parts, and a word the site never uses finds nothing —
// the page then says so and offers the nearest words, the finder and the topics. Every
// result contains every word searched for (Pagefind's rule); items (press releases,
// meetings, offers, events) come before the pages about districts, networks and topics.
//
// Keyboard and screen readers: the box is a real form. Enter moves the focus to the
// result count (announced, and the next Tab leads into the filters and results); typing
// only updates the live status, without moving the focus.
//
// The index is in parts (search/parts.py): a search looks in the current part first — every
// offer and page, the items of this year and the last; a big part comes in pieces, merged at
// once. Older items are in one archive part per year, which Pagefind merges in (`mergeIndex`)
// when the reader asks ("Auch ältere Beiträge durchsuchen", kept in the URL as `archiv=1`),
// when a year filter asks for an archived year, or by itself when the current part finds
// nothing; the status line says so.
//
// Bytes: a first search loads Pagefind's script, its WebAssembly, the metadata, the index
// chunks of the words searched for, the type filter (for the order), one or two small
// files of the site's words and the fragments of the results shown. The filter choices
// are part of the page (suche.html); their counts need all of Pagefind's filter files,
// which are fetched only when a reader opens a filter group or arrives with one set.
import { Words } from "./fn-search-words.js";

const page = document.querySelector("[data-fn-search]");
const form = document.querySelector("[data-fn-search-form]");
const input = document.getElementById("fn-search-input");
const statusEl = page.querySelector("[data-fn-search-status]");
const resultsEl = page.querySelector("[data-fn-search-results]");
const filtersEl = page.querySelector("[data-fn-search-filters]");
const moreButton = page.querySelector("[data-fn-search-more]");
const resetButton = page.querySelector("[data-fn-search-reset]");
const archiveBox = page.querySelector("[data-fn-search-archive]");
const archiveButton = page.querySelector("[data-fn-search-archive-button]");
const FILTERS = [...filtersEl.querySelectorAll("[data-key]")].map((group) => group.dataset.key);
const PAGE_SIZE = 10;
const EXCERPT_WORDS = 30;
const helpEl = page.querySelector("[data-fn-search-help]");
const root = new URL(page.dataset.fnBase.replace(/\/?$/, "/"), location.href);
const baseTitle = document.title;

const state = { q: "", archive: false, filters: Object.fromEntries(FILTERS.map((k) => [k, new Set()])) };
let pagefind = null;
let archiveMerged = null; // the archive's merge, once asked for: every search after it waits for it
let countsLoaded = false;
let current = { results: [], shown: 0 };
let sequence = 0;

const config = JSON.parse(document.getElementById("fn-search-config").textContent);
const words = new Words(config, root);
/** Lower case, umlauts spelt out, accents dropped: "Frühe" and "Fruehe" compare equal. */
const fold = (text) => words.fold(text);
const ARCHIVED = new Set(config.archive.map((part) => part.year));
// For every part alike. Titles above bodies: a title's match adds this much after
// Pagefind's body score (its default, 5, let a body that repeats a word beat a title).
const PART_OPTIONS = { baseUrl: root.pathname, excerptLength: EXCERPT_WORDS,
                       ranking: { metaWeights: { title: 20 } } };

function plural(n, one, many) {
  return `${n.toLocaleString("de-DE")} ${n === 1 ? one : many}`;
}

// --- state and URL ------------------------------------------------------------------

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.q = params.get("q") || "";
  state.archive = params.get("archiv") === "1";
  for (const key of FILTERS) state.filters[key] = new Set(params.getAll(key));
}

function writeUrl() {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  if (state.archive) params.set("archiv", "1");
  for (const [key, values] of Object.entries(state.filters)) {
    for (const value of [...values].sort()) params.append(key, value);
  }
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function activeFilters(except = null) {
  const filters = {};
  for (const [key, values] of Object.entries(state.filters)) {
    if (key !== except && values.size) filters[key] = { any: [...values] };
  }
  return filters;
}

// --- filters ------------------------------------------------------------------------

function showChoices() {
  for (const box of filtersEl.querySelectorAll("input[type=checkbox]")) {
    box.checked = state.filters[box.name].has(box.value);
    if (box.checked) box.closest("details").open = true;
  }
}

/** The counts next to the filter choices: all of Pagefind's filter files, once. */
async function loadCounts() {
  if (countsLoaded) return;
  countsLoaded = true;
  await pagefind.filters();
  await run();
}

function updateCounts(countsByKey) {
  for (const span of filtersEl.querySelectorAll(".fn-facet__count")) {
    const box = span.closest("li").querySelector("input");
    const unknown = !countsByKey || (!archiveMerged && box.name === "jahr" && ARCHIVED.has(box.value));
    const n = unknown ? null : (countsByKey[box.name] || {})[box.value] || 0; // archive not asked: no count
    span.textContent = n === null ? "" : `(${n})`;
  }
  resetButton.hidden = !Object.values(state.filters).some((values) => values.size);
}

// --- the archive ---------------------------------------------------------------------

/** Merge every archive part into the search (once). Each adds its own metadata and, per
 *  query, its own index chunks; `seite` is "nein" there: no archived page is a page about
 *  a district, network or topic (see itemsFirst). */
async function includeArchive() {
  if (!config.archive.length) return;
  archiveMerged ||= (async () => {
    await Promise.all(config.archive.map((part) => pagefind.mergeIndex(
      new URL(part.path, root).pathname, { ...PART_OPTIONS, mergeFilter: { [config.pagesFilter]: "nein" } })));
    if (countsLoaded) await pagefind.filters(); // the counts need the archive's filter files too
  })();
  await archiveMerged;
}

/** Whether the archive could add anything: not when only undated types (offers) are asked for. */
function archiveMayHelp() {
  const types = state.filters.art;
  return config.archive.length > 0 && (!types.size || [...types].some((t) => config.archived.includes(t)));
}

function wantsArchive() {
  return state.archive || [...state.filters.jahr].some((year) => ARCHIVED.has(year));
}

// --- results ------------------------------------------------------------------------

/** Pagefind's excerpt, keeping only its text and <mark>s (nothing else is trusted). */
function appendExcerpt(target, html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(node.textContent);
    }
  }
}

/** A page found only through its compound parts ("schutz" → "Kinderschutz") has no
 *  location in its text: show the words that contain the query instead. */
function appendTermExcerpt(target, content, query) {
  const terms = fold(query).split(/\s+/).filter((t) => t.length > 1);
  const words = content.split(/\s+/);
  const matches = (word) => terms.some((t) => fold(word).includes(t));
  const hit = words.findIndex(matches);
  if (hit < 0) return false;
  const start = Math.max(0, hit - 8);
  if (start > 0) target.append("… ");
  words.slice(start, start + EXCERPT_WORDS).forEach((word, i) => {
    if (i) target.append(" ");
    if (matches(word)) { // mark the word, not the punctuation around it
      const [, before, core, after] = word.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
      const mark = document.createElement("mark");
      mark.textContent = core;
      target.append(before, mark, after);
    } else {
      target.append(word);
    }
  });
  if (start + EXCERPT_WORDS < words.length) target.append(" …");
  return true;
}

function renderResult(data, query) {
  const item = document.createElement("li");
  item.className = "fn-result";
  const title = document.createElement("h3");
  title.className = "fn-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  title.append(link);
  const meta = document.createElement("p");
  meta.className = "fn-result__meta";
  const type = document.createElement("span");
  type.className = "fn-result__type";
  type.textContent = data.meta.type || "";
  meta.append(type);
  for (const part of [data.meta.date, data.meta.districts]) {
    if (part) meta.append(` · ${part}`);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "fn-result__excerpt";
  const summary = data.meta.summary || "";
  if (data.locations && data.locations.length > 0) {
    // Pagefind found the words in the page's text; an excerpt from mid-sentence says so.
    if (/^\s*[\p{Ll}\p{N}]/u.test(data.excerpt.replace(/<[^>]*>/g, ""))) excerpt.append("… ");
    appendExcerpt(excerpt, data.excerpt);
  } else if (!(query && (appendTermExcerpt(excerpt, data.content, query)
                         || appendTermExcerpt(excerpt, summary, query)))) {
    excerpt.append(summary || data.content.split(/\s+/).slice(0, EXCERPT_WORDS).join(" "));
  }
  item.append(title, meta, excerpt);
  return item;
}

async function showMore(focusFirst) {
  const my = sequence;
  const batch = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (my !== sequence) return;
  const items = data.map((d) => renderResult(d, state.q.trim()));
  resultsEl.append(...items);
  current.shown += batch.length;
  moreButton.hidden = current.shown >= current.results.length;
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

// --- the query ----------------------------------------------------------------------

/** What to ask Pagefind for `query`: the words it is asked for, the ones left out (too
 *  short), the compounds searched as parts, and the words the site never uses. */
async function resolve(query) {
  const [kept, tooShort] = words.split(query);
  const short = [...new Set(tooShort)];
  const asked = [];
  const split = [];
  const unknown = [];
  for (const word of kept) {
    const known = await words.known(word);
    if (known !== false) { // null: the words could not be loaded; let Pagefind answer
      asked.push(word);
      continue;
    }
    const parts = await words.parts(word);
    if (parts) {
      asked.push(...parts);
      split.push([word, parts]);
    } else {
      unknown.push(word);
    }
  }
  return { asked, short, split, unknown };
}

/** Items first, then the pages about districts, networks and topics, each in Pagefind's
 *  order: a second search, narrowed to those pages (a small filter of their own), says
 *  which results they are. */
async function itemsFirst(query, filters, results) {
  if (results.length < 2 || (filters.art && filters.art.any.every((t) => config.items.includes(t)))) {
    return results;
  }
  const pages = await pagefind.search(query, { filters: { ...filters, [config.pagesFilter]: { any: ["ja"] } } });
  if (pages === null) return null;
  const ids = new Set(pages.results.map((r) => r.id));
  return [...results.filter((r) => !ids.has(r.id)), ...results.filter((r) => ids.has(r.id))];
}

function quoted(list) {
  return list.map((word) => `„${word}“`).join(", ");
}

function describe(total, query, resolved) {
  const filtered = Object.values(state.filters).some((values) => values.size);
  let text = plural(total, "Ergebnis", "Ergebnisse");
  if (query) text += ` für „${query}“`;
  if (filtered) text += " (gefiltert)";
  text += archiveMerged && config.archive.length ? ", ältere Beiträge eingeschlossen." : ".";
  for (const [word, parts] of resolved.split) {
    const spelt = /^\p{Lu}/u.test(word) ? parts.map((p) => p[0].toUpperCase() + p.slice(1)) : parts;
    text += ` „${word}“ kommt als ganzes Wort nicht vor; gesucht wurde nach „${spelt.join("“ und „")}“.`;
  }
  if (resolved.short.length) {
    text += ` ${quoted(resolved.short)} ${resolved.short.length === 1 ? "ist" : "sind"} zu kurz und wurde${resolved.short.length === 1 ? "" : "n"} nicht gesucht.`;
  }
  return text;
}

// --- nothing found ------------------------------------------------------------------

function link(text, params) {
  const a = document.createElement("a");
  a.href = `?${new URLSearchParams(params)}`;
  a.textContent = text;
  a.dataset.fnSearchSuggestion = "";
  return a;
}

function listOf(target, links) {
  links.forEach((a, i) => target.append(...(i ? [", ", a] : [a])));
}

/** Why nothing was found (the status line says it), and where to go next: the nearest
 *  words the site uses, the known words without the unknown ones, each word on its own
 *  when no page has them all, the finder and the topics (the rest is in suche.html). */
async function explain(query, resolved, filtered) {
  const suggestions = helpEl.querySelector("[data-fn-search-suggestions]");
  const list = suggestions.querySelector("[data-fn-search-suggestions-list]");
  const label = suggestions.querySelector("[data-fn-search-suggestions-label]");
  const without = helpEl.querySelector("[data-fn-search-without]");
  list.replaceChildren();
  without.hidden = true;
  let status;
  let offered = [];
  // A compound searched as its parts that found nothing is a word the site does not use.
  const unknown = [...resolved.unknown, ...resolved.split.map(([word]) => word)];
  const known = words.split(query)[0].filter((word) => !unknown.includes(word));
  if (!resolved.asked.length && !unknown.length) {
    const many = resolved.short.length > 1;
    status = `Keine Ergebnisse – Suchwörter brauchen mindestens ${config.minTerm} Buchstaben; ${quoted(resolved.short)} ${many ? "sind" : "ist"} zu kurz.`;
  } else if (unknown.length) {
    status = `Keine Ergebnisse – ${quoted(unknown)} ${unknown.length > 1 ? "kommen" : "kommt"} auf dieser Website nicht vor.`;
    for (const word of unknown) offered.push(...await words.nearest(word));
    offered = [...new Set(offered)].slice(0, 6);
    label.textContent = "Meinten Sie: ";
    if (known.length) {
      without.querySelector("span").textContent = quoted(unknown);
      without.querySelector("a").replaceWith(link(known.join(" "), { q: known.join(" ") }));
      without.hidden = false;
    }
  } else if (filtered) {
    status = `Keine Ergebnisse für „${query}“ mit den gewählten Filtern. Heben Sie Filter auf, um mehr zu sehen.`;
  } else {
    status = `Keine Ergebnisse für „${query}“ – keine Seite enthält alle Suchwörter zusammen.`;
    offered = resolved.asked;
    label.textContent = "Suchen Sie nach einem Wort allein: ";
  }
  listOf(list, offered.map((word) => link(word, { q: word })));
  suggestions.hidden = !offered.length;
  helpEl.hidden = false;
  return status;
}

async function run() {
  const my = ++sequence;
  const query = state.q.replace(/["„“”«»]/g, "").trim(); // shown in „…“: no quotes twice
  const filters = activeFilters();
  const filtered = Object.keys(filters).length > 0;
  helpEl.hidden = true;
  filtersEl.closest("section").hidden = false;
  if (!query && !filtered) {
    resultsEl.replaceChildren();
    moreButton.hidden = true;
    current = { results: [], shown: 0 };
    statusEl.textContent = "Geben Sie oben im Suchfeld einen Begriff ein.";
    archiveBox.hidden = true;
    filtersEl.closest("section").hidden = true; // nothing to narrow yet
    document.title = baseTitle;
    updateCounts(null);
    page.dataset.fnShown = location.search; // for the browser tests: these results are shown
    return;
  }
  const resolved = query ? await resolve(query) : { asked: [], short: [], split: [], unknown: [] };
  if (my !== sequence) return;
  const searchable = !query || (resolved.asked.length && !resolved.unknown.length);
  const terms = query ? resolved.asked.join(" ") : null;
  if (searchable && (wantsArchive() || archiveMerged)) await includeArchive(); // (still merging?)
  let search = searchable ? await pagefind.search(terms, { filters }) : { results: [], filters: {} };
  if (searchable && search !== null && !search.results.length && !archiveMerged && archiveMayHelp()) {
    await includeArchive(); // nothing among the current items: look among the older ones
    search = await pagefind.search(terms, { filters });
  }
  if (my !== sequence || search === null) return;
  // Counts as readers expect from facets: a group's own choices do not narrow its counts.
  const counts = countsLoaded ? { ...search.filters } : null;
  for (const key of countsLoaded && searchable ? Object.keys(filters) : []) {
    const without = await pagefind.search(terms, { filters: activeFilters(key) });
    if (my !== sequence || without === null) return;
    counts[key] = without.filters[key] || {};
  }
  const ordered = query && search.results.length ? await itemsFirst(terms, filters, search.results) : search.results;
  if (my !== sequence || ordered === null) return;
  current = { results: ordered, shown: 0 };
  resultsEl.replaceChildren();
  await showMore(false);
  if (my !== sequence) return;
  const total = ordered.length;
  if (total) {
    statusEl.textContent = describe(total, query, resolved);
  } else {
    const text = await explain(query, resolved, filtered);
    if (my !== sequence) return;
    statusEl.textContent = text;
    filtersEl.closest("section").hidden = !filtered; // nothing to narrow: only the way back
  }
  // (a word the site never uses is in no part either: the vocabulary is the whole site's)
  archiveBox.hidden = archiveMerged || !searchable || !archiveMayHelp();
  document.title = `${query ? `„${query}“ – ` : ""}${plural(total, "Ergebnis", "Ergebnisse")} – ${baseTitle}`;
  updateCounts(counts);
  page.dataset.fnShown = location.search;
}

// --- wiring -------------------------------------------------------------------------

let typingTimer = 0;

function onInput() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    state.q = input.value;
    writeUrl();
    run();
  }, 200);
}

async function onSubmit(event) {
  event.preventDefault();
  clearTimeout(typingTimer);
  state.q = input.value;
  writeUrl();
  await run();
  statusEl.focus();
}

function onFilterChange(event) {
  const box = event.target;
  if (box.type !== "checkbox") return;
  if (box.checked) state.filters[box.name].add(box.value);
  else state.filters[box.name].delete(box.value);
  writeUrl();
  run();
}

async function onArchive() {
  state.archive = true;
  writeUrl();
  await run();
  statusEl.focus(); // the button is gone: the status says what was found now
}

function onReset() {
  for (const values of Object.values(state.filters)) values.clear();
  for (const box of filtersEl.querySelectorAll("input[type=checkbox]")) box.checked = false;
  writeUrl();
  run();
  input.focus();
}

async function start() {
  page.querySelector("[data-fn-search-nojs]").hidden = true;
  page.querySelector("[data-fn-search-ui]").hidden = false;
  readUrl();
  input.value = state.q;
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    // No worker: one script less to download, and a query takes milliseconds here anyway.
    await pagefind.options({ ...PART_OPTIONS, noWorker: true });
    await pagefind.init();
    // The current part's other pieces (a part is indexed in pieces of at most 2,000 pages).
    await Promise.all(config.current.map((path) => pagefind.mergeIndex(new URL(path, root).pathname, PART_OPTIONS)));
  } catch {
    statusEl.textContent = "Die Suche ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.";
    page.querySelector("[data-fn-search-nojs]").hidden = false;
    return;
  }
  showChoices();
  form.addEventListener("submit", onSubmit);
  input.addEventListener("input", onInput);
  filtersEl.addEventListener("change", onFilterChange);
  resetButton.addEventListener("click", onReset);
  archiveButton?.addEventListener("click", onArchive); // none without an archive
  moreButton.addEventListener("click", () => showMore(true));
  filtersEl.addEventListener("toggle", (event) => { if (event.target.open) loadCounts(); }, true);
  if (Object.values(state.filters).some((values) => values.size)) await loadCounts();
  else await run();
}

start();
