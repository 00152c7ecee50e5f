// Familiennetz: "near me" (partials/fn-near.html). Sorts the listing's cards by straight-line
// distance from the reader's postcode, or from their position when they ask for it, and
// writes "ca. 12 km" on each. Cards carry their place as data-lat/data-lon (from their
// postcode, at build time); cards without one go last. The postcode table is loaded from
// this site only when the field is used, and nothing leaves the browser: no address, no
// position, no postcode — not even in the page's URL.

const form = document.querySelector("[data-fn-near]");
const TABLE = new URL("fn-postleitzahlen.txt", import.meta.url); // beside this script
const LAT0 = 4700, LON0 = 500, SCALE = 100; // as places/postcodes.py writes the table
const EARTH_RADIUS_KM = 6371.0;
const MESSAGES = {
  format: "Bitte geben Sie eine Postleitzahl mit fünf Ziffern ein, z. B. 56130.",
  unknown: (plz) => `Die Postleitzahl ${plz} kennen wir nicht. Bitte prüfen Sie sie.`,
  table: "Die Postleitzahlen ließen sich nicht laden. Bitte versuchen Sie es später noch einmal.",
  position: "Ihr Standort ist nicht verfügbar (nicht erlaubt oder nicht gefunden). Geben Sie stattdessen Ihre Postleitzahl ein.",
  locating: "Ihr Standort wird ermittelt …",
  unplaced: "Entfernung unbekannt (ohne Ortsangabe)",
};

let table = null; // Promise of Map postcode → [lat, lon], on first use

function loadTable() {
  table ??= fetch(TABLE).then((response) => {
    if (!response.ok) throw new Error(`${response.status}`);
    return response.text();
  }).then(parseTable);
  table.catch(() => { table = null; }); // a failed load may be tried again
  return table;
}

function parseTable(text) {
  const map = new Map();
  let number = 0;
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [step, lat, lon] = line.split(",").map(Number);
    number += step;
    map.set(String(number).padStart(5, "0"), [(lat + LAT0) / SCALE, (lon + LON0) / SCALE]);
  }
  return map;
}

const radians = (degrees) => (degrees * Math.PI) / 180;

export function distanceKm([lat1, lon1], [lat2, lon2]) {
  const h = Math.sin(radians(lat2 - lat1) / 2) ** 2
    + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceLabel(km) {
  return km < 1 ? "unter 1 km" : `ca. ${Math.round(km)} km`;
}

function placeOf(card) {
  const { lat, lon } = card.dataset;
  return lat && lon ? [Number(lat), Number(lon)] : null;
}

function init() {
  const list = document.querySelector(".fn-listing");
  const cards = [...list.querySelectorAll("article.fn-card")];
  if (!cards.length) return;
  const field = form.elements.plz;
  const error = form.querySelector("[data-fn-near-error]");
  const status = form.querySelector("[data-fn-near-status]");
  const locate = form.querySelector("[data-fn-near-locate]");
  const clear = form.querySelector("[data-fn-near-clear]");
  const start = document.createComment(" Anfang der Liste ");
  cards[0].before(start);
  const onThisPage = form.hasAttribute("data-fn-near-paged") ? " (nur die Einträge dieser Seite)" : "";

  function label(card, text) {
    let line = card.querySelector(".fn-card__distance");
    if (!line) {
      line = document.createElement("p");
      line.className = "fn-card__distance";
      card.querySelector(".fn-card__title").after(line);
    }
    line.textContent = text;
  }

  function order(sorted) {
    let previous = start;
    for (const card of sorted) {
      previous.after(card);
      previous = card;
    }
  }

  function showError(message) {
    error.textContent = message;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", "fn-near-error fn-near-hint");
  }

  function clearError() {
    error.textContent = "";
    field.removeAttribute("aria-invalid");
    field.setAttribute("aria-describedby", "fn-near-hint");
  }

  function sortFrom(point, from) {
    const measured = cards.map((card, index) => {
      const place = placeOf(card);
      return { card, index, km: place ? distanceKm(point, place) : Infinity };
    });
    measured.sort((a, b) => a.km - b.km || a.index - b.index);
    for (const { card, km } of measured) label(card, km === Infinity ? MESSAGES.unplaced : distanceLabel(km));
    order(measured.map((m) => m.card));
    const placed = measured.filter((m) => m.km !== Infinity).length;
    const rest = cards.length - placed;
    status.textContent = `Sortiert nach Entfernung von ${from} aus${onThisPage}`
      + (rest ? `; ${rest} ohne Ortsangabe stehen am Ende.` : ".");
    clear.hidden = false;
    form.dataset.fnSorted = from; // for the browser tests
  }

  function unsort() {
    for (const card of cards) card.querySelector(".fn-card__distance")?.remove();
    order(cards);
    status.textContent = "Wieder in der ursprünglichen Reihenfolge.";
    clear.hidden = true;
    delete form.dataset.fnSorted;
  }

  // A postcode that does not work leaves the list as it was: the status says so, lest it
  // seem sorted from the postcode now in the field.
  function refuse(message) {
    showError(message);
    if (form.dataset.fnSorted) {
      status.textContent = `Die Liste bleibt nach Entfernung von ${form.dataset.fnSorted} aus sortiert.`;
    }
  }

  async function usePostcode({ quiet = false } = {}) {
    const plz = field.value.trim();
    if (!/^[0-9]{5}$/.test(plz)) {
      if (!quiet) refuse(MESSAGES.format);
      return;
    }
    let postcodes;
    try {
      postcodes = await loadTable();
    } catch {
      refuse(MESSAGES.table);
      return;
    }
    const point = postcodes.get(plz);
    if (!point) {
      refuse(MESSAGES.unknown(plz));
      return;
    }
    clearError();
    sortFrom(point, `Postleitzahl ${plz}`);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await usePostcode();
    if (field.getAttribute("aria-invalid")) field.focus();
  });
  // Five digits typed: sort at once (a phone's number pad may have no Enter key).
  field.addEventListener("input", () => {
    if (field.getAttribute("aria-invalid")) clearError();
    if (/^[0-9]{5}$/.test(field.value.trim())) usePostcode({ quiet: true });
  });
  clear.addEventListener("click", () => {
    field.value = "";
    clearError();
    unsort();
    field.focus();
  });
  if ("geolocation" in navigator && window.isSecureContext) {
    locate.hidden = false;
    locate.addEventListener("click", () => {
      status.textContent = MESSAGES.locating;
      navigator.geolocation.getCurrentPosition((position) => {
        field.value = "";
        clearError();
        sortFrom([position.coords.latitude, position.coords.longitude], "Ihrem Standort");
      }, () => {
        status.textContent = "";
        showError(MESSAGES.position);
      }, { maximumAge: 600000, timeout: 20000 });
    });
  }
  form.hidden = false;
  form.dataset.fnReady = "true";
}

if (form) init();
