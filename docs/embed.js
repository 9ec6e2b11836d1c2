/*!
 * Social security in Norway, explained: the loader for embedded calculators.
 * Once per page:   <script src="https://OUR-SITE/embed.js" async></script>
 * Per calculator:  <div data-social-calculator="unemployment_benefit"
 *                       data-inputs="income_year_1=400000&children=2" data-theme="auto"></div>
 * Each marker gets an iframe onto /embed/<id>/ of our site, sized to its content. Each result
 * computed in the iframe is announced on the marker as a bubbling `social-calculator:result`
 * event with detail {calculator, inputs, outputs}. No cookies, no storage, no tracking.
 */
(function () {
  "use strict";
  // Filled in at build time by site_scripts/embed_pages.py: id -> {title, inputs, rules}.
  var CALCULATORS = /*CALCULATORS*/ {};
  var MARKER = "data-social-calculator";
  var MAX_HEIGHT = 20000; // px; a taller message is a fault or a forgery
  var MAX_ENTRIES = 100; // inputs or outputs in one result
  var MAX_TEXT = 2000; // characters in one value
  var COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var THEMES = { light: true, dark: true, auto: true };

  // Our origin and address come from this script's own src, captured now: with async,
  // document.currentScript is only set while this runs.
  var script = document.currentScript;
  if (!script || !script.src) return;
  var SITE = new URL(".", script.src); // embed.js sits at the root of the site
  var ORIGIN = SITE.origin;

  if (window.__socialCalculatorLoader) return; // the snippet was pasted twice: one loader is enough
  window.__socialCalculatorLoader = true;

  var embeds = []; // {marker, iframe, calculator}
  var has = Object.prototype.hasOwnProperty;

  function known(id) {
    return typeof id === "string" && has.call(CALCULATORS, id);
  }

  // data-inputs as name=value pairs, keeping only the calculator's own inputs. The values go to
  // the iframe untouched: pycalc validates them there and shows its messages beside the fields.
  function initialInputs(marker, meta) {
    var given = new URLSearchParams(marker.getAttribute("data-inputs") || "");
    var inputs = new URLSearchParams();
    given.forEach(function (value, name) {
      if (meta.inputs.indexOf(name) !== -1 && value.length <= 200) inputs.set(name, value);
    });
    var rules = marker.getAttribute("data-rules");
    if (rules && meta.rules.indexOf(rules) !== -1) inputs.set("rules", rules);
    return inputs;
  }

  function frameAddress(marker, id, meta) {
    var url = new URL("embed/" + id + "/", SITE);
    var theme = (marker.getAttribute("data-theme") || "auto").toLowerCase();
    url.searchParams.set("theme", has.call(THEMES, theme) ? theme : "auto");
    var compact = marker.getAttribute("data-compact");
    if (compact !== null && compact !== "false" && compact !== "0") url.searchParams.set("compact", "1");
    var primary = (marker.getAttribute("data-primary") || "").trim();
    if (COLOUR.test(primary)) url.searchParams.set("primary", primary);
    // data-lang: only English exists, so any other language is ignored.
    var inputs = initialInputs(marker, meta);
    // The fragment calculator.js reads (#calc-<id>?name=value&...); fragments never reach our server.
    if (Array.from(inputs.keys()).length) url.hash = "calc-" + id + "?" + inputs;
    return url.href;
  }

  function mount(marker) {
    if (marker.__socialCalculator) return;
    var id = marker.getAttribute(MARKER);
    if (!known(id)) {
      if (window.console) console.warn("social-calculator: no calculator called", String(id).slice(0, 60));
      return;
    }
    var meta = CALCULATORS[id];
    var iframe = document.createElement("iframe");
    iframe.src = frameAddress(marker, id, meta);
    iframe.title = meta.title + " calculator";
    iframe.loading = "lazy";
    iframe.referrerPolicy = "no-referrer";
    iframe.allow = "clipboard-write"; // the calculator's "Copy link" button, and nothing else
    iframe.style.display = "block";
    iframe.style.width = "100%";
    iframe.style.height = "640px"; // until the page inside reports its height
    iframe.style.border = "none";
    marker.__socialCalculator = true;
    marker.replaceChildren(iframe); // any fallback the partner put inside goes
    embeds.push({ marker: marker, iframe: iframe, calculator: id });
  }

  function scan(root) {
    if (root.nodeType !== 1 && root.nodeType !== 9) return;
    if (root.nodeType === 1 && root.hasAttribute(MARKER)) mount(root);
    var found = root.querySelectorAll("[" + MARKER + "]");
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  function plainObject(value) {
    if (value === null || typeof value !== "object") return false;
    var proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  }

  function scalar(value) {
    if (value === null || typeof value === "boolean") return true;
    if (typeof value === "number") return isFinite(value);
    return typeof value === "string" && value.length <= MAX_TEXT;
  }

  // A fresh plain object of scalars, or null if anything about it is unexpected.
  function copyScalars(value) {
    if (!plainObject(value)) return null;
    var names = Object.keys(value);
    if (names.length > MAX_ENTRIES) return null;
    var copy = {};
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      if (name.length > 100 || name === "__proto__" || !scalar(value[name])) return null;
      copy[name] = value[name];
    }
    return copy;
  }

  function onMessage(event) {
    if (event.origin !== ORIGIN || !event.source) return;
    var embed = null;
    for (var i = 0; i < embeds.length; i++) {
      if (embeds[i].iframe.contentWindow === event.source) embed = embeds[i];
    }
    if (!embed) return;
    var data = event.data;
    if (!plainObject(data) || data.calculator !== embed.calculator) return;
    if (data.type === "social-calculator:height") {
      var height = data.height;
      if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
      embed.iframe.style.height = Math.ceil(height) + "px";
    } else if (data.type === "social-calculator:result") {
      var inputs = copyScalars(data.inputs);
      var outputs = copyScalars(data.outputs);
      if (!inputs || !outputs) return;
      embed.marker.dispatchEvent(new CustomEvent("social-calculator:result", {
        bubbles: true,
        detail: { calculator: embed.calculator, inputs: inputs, outputs: outputs },
      }));
    }
  }

  window.addEventListener("message", onMessage);
  scan(document);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(document); });
  }
  // Markers added later (single-page apps, the preview on our "Embed a calculator" page).
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes;
      for (var j = 0; j < added.length; j++) scan(added[j]);
    }
    embeds = embeds.filter(function (embed) { return embed.iframe.isConnected; });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
