// A blocking classic script in the page's <head>, so it runs before anything is painted. When the
// address carries a calculator's figures (#calc-<id>?name=value, a shared link), it keeps that
// widget's worked example out of sight until calculator.js has applied the figures and computed
// them: the reader never sees the example flash under their own. calculator.js removes the rule
// when it takes the widget over. Without scripts nothing is hidden.
(function () {
  "use strict";
  if (document.querySelector("style[data-calc-early]")) return; // included twice: once is enough
  var raw = location.hash.slice(1);
  try { if (raw.indexOf("?") < 0) raw = decodeURIComponent(raw); } catch (error) { return; }
  var at = raw.indexOf("?");
  var id = at > 0 ? raw.slice(0, at) : "";
  try { id = decodeURIComponent(id); } catch (error) { return; }
  if (!/^calc-[a-z0-9_-]+$/.test(id)) return; // our widgets' ids only: nothing else reaches the style
  var widget = "#" + id;
  var style = document.createElement("style");
  style.setAttribute("data-calc-early", id);
  style.textContent = widget + " .calc-answer, " + widget + " .calc-result { visibility: hidden; }\n" +
    widget + ' .calc-form input[type="text"] { color: transparent; }';
  (document.head || document.documentElement).appendChild(style);
  // A safety net: if calculator.js never takes the widget over, the worked example shows.
  setTimeout(function () {
    var element = document.getElementById(id);
    if (!element || !element.calculatorWidget) style.remove();
  }, 10000);
})();
