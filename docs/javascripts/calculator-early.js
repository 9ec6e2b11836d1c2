// Runs while the page is still being read, as the first child of each calculator widget (a
// blocking classic script, so before anything after it is painted). When the address carries
// this widget's figures (#calc-<id>?name=value, a shared link), it marks the widget, and the
// stylesheet keeps the worked example out of sight until calculator.js has applied the figures:
// the reader never sees the example flash under their own. Without scripts nothing is hidden.
(function () {
  "use strict";
  var script = document.currentScript;
  var widget = script && script.parentElement;
  if (!widget || !widget.id || widget.calculatorWidget) return; // calculator.js already has it
  var hash = location.hash.slice(1);
  var decoded;
  try { decoded = decodeURIComponent(hash); } catch (error) { decoded = hash; }
  var prefix = widget.id + "?";
  if (hash.indexOf(prefix) !== 0 && decoded.indexOf(prefix) !== 0) return;
  widget.setAttribute("data-fragment", "pending");
  // A safety net: if calculator.js never takes the widget over, the worked example shows.
  setTimeout(function () {
    if (!widget.calculatorWidget) widget.removeAttribute("data-fragment");
  }, 10000);
})();
