// The embed page's own script (/embed/<id>/ only; a blocking classic script in the head, so it
// runs before the body exists). It applies the partner's options from the page's query, e.g.
// ?theme=dark&compact=1&primary=%23aa0000, before the first paint; then it tells the parent
// page the height of the content and relays every browser-computed result to it.
// It accepts nothing from the parent page.
(function () {
  "use strict";
  var COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var params = new URLSearchParams(location.search);
  var theme = params.get("theme");
  var primary = params.get("primary");
  if (!primary || !COLOUR.test(primary)) primary = null;
  var darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  var root = document.documentElement;
  var framed = window.parent !== window;

  root.classList.add("embed-page");
  if (framed) root.classList.add("embed-framed"); // sized by the parent: never a scrollbar of its own
  if (params.get("compact") === "1") root.classList.add("embed-compact");

  function scheme() {
    if (theme === "dark") return "slate";
    if (theme === "light") return "default";
    return darkQuery.matches ? "slate" : "default";
  }

  // Black or white text on the partner's colour, whichever has the higher contrast.
  function textOn(hex) {
    var digits = hex.length === 4 ? hex.slice(1).replace(/./g, "$&$&") : hex.slice(1);
    var linear = [0, 2, 4].map(function (i) {
      var c = parseInt(digits.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
  }

  function paint(body) {
    body.setAttribute("data-md-color-scheme", scheme());
    if (!primary) return;
    var text = textOn(primary);
    body.setAttribute("data-md-color-primary", "custom");
    ["--md-primary-fg-color", "--md-primary-fg-color--light", "--md-primary-fg-color--dark"].forEach(function (name) {
      body.style.setProperty(name, primary);
    });
    body.style.setProperty("--md-primary-bg-color", text);
    body.style.setProperty("--md-primary-bg-color--light", text);
  }

  // The body does not exist yet. A mutation observer's callback runs as a microtask at the end
  // of the parser task that inserted the body, always before the next rendering step.
  if (document.body) {
    paint(document.body);
  } else {
    new MutationObserver(function (records, observer) {
      if (!document.body) return;
      observer.disconnect();
      paint(document.body);
    }).observe(root, { childList: true });
  }
  if (theme !== "light" && theme !== "dark") {
    darkQuery.addEventListener("change", function () {
      if (document.body) paint(document.body);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var widget = document.querySelector("[data-calculator]");
    if (!widget) return;
    var calculator = widget.getAttribute("data-calculator");
    var back = document.querySelector("a.embed-back");
    var target = "*"; // the height and results go to whichever page framed us: that is the point
    try {
      var ancestors = location.ancestorOrigins;
      if (ancestors && ancestors.length && ancestors[0] !== "null") target = ancestors[0];
    } catch (ignored) { /* not available in every browser */ }

    function tell(message) {
      if (framed) window.parent.postMessage(message, target);
    }

    var lastHeight = 0;
    function measure() {
      var height = Math.ceil(root.getBoundingClientRect().height);
      if (height === lastHeight) return;
      lastHeight = height;
      tell({ type: "social-calculator:height", calculator: calculator, height: height });
    }
    new ResizeObserver(measure).observe(root);
    window.addEventListener("load", measure);

    // The link back opens the full chapter with the reader's figures (calculator.js reads them).
    function carryFigures() {
      if (!back) return;
      var form = widget.querySelector("[data-form]");
      var query = new URLSearchParams();
      if (widget.querySelector("[data-rules-select]")) query.set("rules", widget.getAttribute("data-rules"));
      Array.prototype.forEach.call(form ? form.elements : [], function (element) {
        if (!element.name) return;
        query.set(element.name, element.type === "checkbox" ? String(element.checked) : element.value);
      });
      back.hash = widget.id + "?" + query;
    }

    widget.addEventListener("calculator:result", function (event) {
      var detail = event.detail || {};
      if (detail.calculator !== calculator) return;
      carryFigures();
      tell({ type: "social-calculator:result", calculator: calculator, inputs: detail.inputs, outputs: detail.outputs });
    });
  });
})();
