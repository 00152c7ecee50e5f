/* Familiennetz in the web editor (Decap CMS): listing pages are not items, and each
 * type's preview looks like its page on the site, with the same stylesheets and a facts
 * box read off the collection's fields (generated from the type registry). */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var script = document.currentScript;

  // A folder's index.md is its listing's introduction, not an entry: never list it
  // (else a press officer could open it as an empty press release and overwrite it).
  function isListingPage(entry) {
    var path = (entry && entry.file && entry.file.path) || "";
    return /^content\/[^/]+\/index\.md$/.test(path);
  }
  function withoutListingPages(backend) {
    ["entriesByFolder", "allEntriesByFolder"].forEach(function (method) {
      var original = backend[method];
      if (typeof original !== "function") return;
      backend[method] = function () {
        return original.apply(backend, arguments).then(function (entries) {
          return entries.filter(function (entry) { return !isListingPage(entry); });
        });
      };
    });
    return backend;
  }
  ["github", "proxy"].forEach(function (name) {
    var registered = CMS.getBackend(name);
    if (!registered) return;
    var init = registered.init;
    registered.init = function () { return withoutListingPages(init.apply(null, arguments)); };
  });

  // The workflow's steps as the guide names them: Entwurf → Zur Prüfung → Bereit.
  var de = CMS.getLocale("de");
  if (de) {
    var phrases = JSON.parse(JSON.stringify(de));
    var toolbar = phrases.editor.editorToolbar, list = phrases.workflow.workflowList;
    toolbar.inReview = list.inReviewHeader = "Zur Prüfung";
    toolbar.ready = list.readyHeader = "Bereit";
    toolbar.statusInfoTooltipDraft = "Der Beitrag ist ein Entwurf. Wenn er fertig ist, " +
      "setzen Sie den Status auf „Zur Prüfung“.";
    phrases.editor.editor.onPublishingNotReady =
      "Bitte setzen Sie den Status vor dem Veröffentlichen auf „Bereit“.";
    list.onPublishingNotReadyEntry = "Nur Beiträge mit dem Status „Bereit“ können " +
      "veröffentlicht werden. Ziehen Sie den Beitrag in die Spalte „Bereit“.";
    var image = phrases.editor.editorWidgets.image;
    image.choose = "Bild auswählen";
    image.chooseDifferent = "Anderes Bild auswählen";
    image.remove = "Bild entfernen";
    phrases.auth.login = "Anmelden";
    phrases.auth.loginWithGitHub = "Mit GitHub anmelden";
    phrases.mediaLibrary.mediaLibraryModal.noResults = "Keine Ergebnisse.";
    // Messages that say what to do: the patterns' messages are whole German sentences.
    var widget = phrases.editor.editorControlPane.widget;
    widget.regexPattern = "%{fieldLabel}: %{pattern}";
    widget.required = "%{fieldLabel}: Bitte ausfüllen oder auswählen.";
    phrases.ui.toast.missingRequiredField = "Bitte prüfen Sie die rot markierten Felder.";
    toolbar.backCollection = "Zurück zur Liste „%{collectionLabel}“";
    toolbar.deployPreviewPendingButtonLabel = "Vorschau prüfen";
    phrases.workflow.workflowList.onPublishEntry = "Soll dieser Beitrag wirklich veröffentlicht werden?";
    phrases.editor.editor.confirmLoadBackup = "Für diesen Beitrag gibt es eine nicht gespeicherte " +
      "Fassung in diesem Browser. Möchten Sie sie laden?";
    phrases.app.header.quickAdd = "Neu anlegen";
    CMS.registerLocale("de", phrases);
  }

  // An optional group (a picture, a contact) whose fields are required once it is used:
  // Decap's object widget checks its fields even when the group is left empty.
  var group = CMS.getWidget("object");
  function isEmptyGroup(value) {
    if (!value) return true;
    return !value.some(function (v) {
      return v !== undefined && v !== null && v !== "" && !(typeof v === "object" && v.size === 0);
    });
  }
  class OptionalGroup extends group.control {
    constructor(props) {
      super(props);
      var checkFields = this.validate;
      this.validate = function () {
        if (!isEmptyGroup(this.props.value)) checkFields();
      }.bind(this);
    }
  }
  CMS.registerWidget("fn-optional-group", OptionalGroup, group.preview, group.schema);

  JSON.parse(script.dataset.styles || "[]").forEach(function (href) {
    CMS.registerPreviewStyle(new URL(href, script.src).href);
  });

  function when(value) {
    var text = String(value);
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text);
    if (!m) return text;
    var day = m[3] + "." + m[2] + "." + m[1];
    return m[4] ? day + ", " + m[4] + ":" + m[5] + " Uhr" : day;
  }
  function plain(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }
  function shown(field, value, props) {
    value = plain(value);
    if (value === undefined || value === null || value === "") return "";
    var widget = field.get("widget");
    if (Array.isArray(value)) {
      var inner = field.get("field") || field;
      if (field.get("fields")) {
        return value.map(function (item) { return summary(field.get("fields"), item, props); })
          .join("; ");
      }
      return value.map(function (v) { return shown(inner, v, props); }).join(", ");
    }
    if (widget === "object" || widget === "fn-optional-group") return summary(field.get("fields"), value, props);
    if (widget === "boolean") return value ? "ja" : "nein";
    if (widget === "datetime") return when(value);
    if (widget === "select") {
      var option = (plain(field.get("options")) || []).filter(function (o) {
        return o.value === value;
      })[0];
      return option ? option.label : String(value);
    }
    if (widget === "relation") {
      var meta = props.fieldsMetaData && props.fieldsMetaData.getIn(
        [field.get("name"), field.get("collection"), value, "title"]);
      return meta || String(value);
    }
    return String(value);
  }
  function summary(fields, data, props) {
    var parts = [];
    fields.forEach(function (sub) {
      var text = shown(sub, data && data[sub.get("name")], props);
      if (text) parts.push(/object|group/.test(sub.get("widget")) || /^(name|street|town)$/.test(sub.get("name"))
        ? text : sub.get("label") + ": " + text);
    });
    return parts.join(", ");
  }

  var OWN = { title: 1, summary: 1, body: 1, draft: 1, image: 1 };

  function Preview(props) {
    var entry = props.entry;
    var collection = props.collection;
    var data = entry.get("data");
    var facts = [];
    collection.get("fields").forEach(function (field) {
      var name = field.get("name");
      if (OWN[name]) return;
      var text = shown(field, data.get(name), props);
      if (text) facts.push(h("dt", { key: name + "-t" }, field.get("label")),
                           h("dd", { key: name + "-d" }, text));
    });
    var image = data.get("image");
    var figure = null;
    if (image && image.get("src")) {
      // the picture field's own folders tell the editor where to find the file
      var picture = collection.get("fields").find(function (f) { return f.get("name") === "image"; });
      var field = picture && picture.get("fields").find(function (f) { return f.get("name") === "src"; });
      var asset = props.getAsset(image.get("src"), field);
      figure = h("figure", { className: "fn-figure" },
        h("img", { src: asset ? asset.toString() : "", alt: image.get("alt") || "" }),
        image.get("credit") ? h("figcaption", null, "Foto: " + image.get("credit")) : null);
    }
    var number = data.get("number");
    var kicker = collection.get("label_singular") + (number ? " Nr. " + number : "");
    return h("article", { className: "md-typeset fn-preview" },
      h("header", { className: "fn-item-header" },
        h("p", { className: "fn-kicker" }, kicker),
        h("h1", null, data.get("title") || "(noch ohne Überschrift)"),
        data.get("date") ? h("p", { className: "fn-meta" }, when(data.get("date"))) : null),
      figure,
      data.get("summary") ? h("p", { className: "fn-lead" }, data.get("summary")) : null,
      facts.length ? h("dl", { className: "fn-facts" }, facts) : null,
      h("div", { className: "fn-body" }, props.widgetFor("body")));
  }

  JSON.parse(script.dataset.collections || "[]").forEach(function (name) {
    CMS.registerPreviewTemplate(name, Preview);
  });
  CMS.init();
})();
