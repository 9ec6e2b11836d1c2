// The "Embed a calculator" page: choose a calculator and options, see the snippet and a live
// preview (the real loader, embed.js, on this page), copy the snippet. A classic script: Material's
// instant navigation runs it again each time the page is shown, so it mounts at most once per form.
(function () {
  "use strict";
  var form = document.getElementById("embed-builder");
  if (!form || form.dataset.ready) return;
  form.dataset.ready = "true";

  var script = document.currentScript;
  var SITE = new URL("../", script && script.src ? script.src : location.href); // javascripts/ -> root
  var PREVIEW_DELAY_MS = 700; // each preview is a new frame with its own Python: not per keystroke
  var $ = function (id) { return document.getElementById(id); };
  var fields = {
    calculator: $("embed-calculator"), inputs: $("embed-inputs"), names: $("embed-inputs-names"),
    rulesField: $("embed-rules-field"), rules: $("embed-rules"), theme: $("embed-theme"),
    primaryOn: $("embed-primary-on"), primary: $("embed-primary"), compact: $("embed-compact"),
    snippet: $("embed-snippet"), copy: $("embed-copy"), copyStatus: $("embed-copy-status"),
    preview: $("embed-preview"), event: $("embed-event"),
  };
  var calculators = {};
  var previewTimer = null;

  if (!document.querySelector("link[data-embed-builder]")) {
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("stylesheets/embed-builder.css", SITE).href;
    style.setAttribute("data-embed-builder", "");
    document.head.append(style);
  }

  function option(value, label) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = label;
    return element;
  }

  // The reader's starting figures, kept to the calculator's own input names, in the loader's format.
  function cleanInputs(meta) {
    var given = new URLSearchParams(fields.inputs.value.trim().replace(/^[?#]/, ""));
    var names = meta.inputs.map(function (input) { return input.name; });
    var kept = new URLSearchParams();
    given.forEach(function (value, name) {
      if (names.indexOf(name) !== -1) kept.set(name, value);
    });
    return String(kept);
  }

  function attribute(name, value) {
    var text = String(value).replace(/&(?=[#a-z0-9]+;)/gi, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return " " + name + '="' + text + '"';
  }

  function options() {
    var meta = calculators[fields.calculator.value];
    return {
      calculator: meta.id,
      inputs: cleanInputs(meta),
      rules: meta.rule_sets.length > 1 ? fields.rules.value : "",
      theme: fields.theme.value,
      primary: fields.primaryOn.checked ? fields.primary.value : "",
      compact: fields.compact.checked,
    };
  }

  function snippet(chosen) {
    var marker = "<div" + attribute("data-social-calculator", chosen.calculator);
    if (chosen.inputs) marker += attribute("data-inputs", chosen.inputs);
    if (chosen.rules) marker += attribute("data-rules", chosen.rules);
    marker += attribute("data-theme", chosen.theme);
    if (chosen.primary) marker += attribute("data-primary", chosen.primary);
    if (chosen.compact) marker += " data-compact";
    marker += "></div>";
    return '<script src="' + new URL("embed.js", SITE).href + '" async></script>\n' + marker;
  }

  function describe(meta) {
    fields.names.textContent = "Names for this calculator: " +
      meta.inputs.map(function (input) { return input.name; }).join(", ") +
      ". Example: " + meta.inputs.slice(0, 2).map(function (input) {
        return input.name + "=" + (input.example === null ? "" : String(input.example));
      }).join("&");
    var rules = [option("", "The newest rules, kept up to date (recommended)")].concat(
      meta.rule_sets.map(function (id) { return option(id, "Always the rules of " + id); }));
    fields.rules.replaceChildren.apply(fields.rules, rules);
    fields.rulesField.hidden = meta.rule_sets.length < 2;
  }

  function preview() {
    var chosen = options();
    var marker = document.createElement("div");
    marker.setAttribute("data-social-calculator", chosen.calculator);
    if (chosen.inputs) marker.setAttribute("data-inputs", chosen.inputs);
    if (chosen.rules) marker.setAttribute("data-rules", chosen.rules);
    marker.setAttribute("data-theme", chosen.theme);
    if (chosen.primary) marker.setAttribute("data-primary", chosen.primary);
    if (chosen.compact) marker.setAttribute("data-compact", "");
    fields.preview.replaceChildren(marker);
    fields.event.textContent = "none yet";
    if (!window.__socialCalculatorLoader && !document.querySelector("script[data-embed-loader]")) {
      var loader = document.createElement("script");
      loader.src = new URL("embed.js", SITE).href;
      loader.async = true;
      loader.setAttribute("data-embed-loader", "");
      document.head.append(loader);
    }
  }

  function update() {
    fields.primary.disabled = !fields.primaryOn.checked;
    fields.snippet.value = snippet(options());
    fields.copyStatus.textContent = "";
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, PREVIEW_DELAY_MS);
  }

  function copy() {
    function done() { fields.copyStatus.textContent = "Copied."; }
    function byHand() {
      fields.snippet.focus();
      fields.snippet.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (ignored) { /* old browsers */ }
      fields.copyStatus.textContent = copied ? "Copied." : "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(fields.snippet.value).then(done, byHand);
    else byHand();
  }

  fetch(new URL("assets/calculators.json", SITE))
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (list) {
      list.forEach(function (meta) {
        calculators[meta.id] = meta;
        fields.calculator.append(option(meta.id, meta.title + " (" + meta.id + ")"));
      });
      if (calculators.unemployment_benefit) fields.calculator.value = "unemployment_benefit";
      describe(calculators[fields.calculator.value]);
      fields.calculator.addEventListener("change", function () {
        fields.inputs.value = "";
        describe(calculators[fields.calculator.value]);
      });
      form.addEventListener("input", update);
      form.addEventListener("change", update);
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      fields.copy.addEventListener("click", copy);
      fields.preview.addEventListener("social-calculator:result", function (event) {
        fields.event.textContent = JSON.stringify(event.detail, null, 1);
      });
      form.hidden = false;
      update();
    })
    .catch(function (error) {
      var message = document.createElement("p");
      message.textContent = "The calculator list could not be loaded (" + error.message + "); the snippet below still works.";
      form.replaceWith(message);
    });
})();
