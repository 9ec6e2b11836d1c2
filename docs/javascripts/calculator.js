// Calculator widgets. The form, the answer in words and a worked example are already in the page
// (rendered at build time); this makes them live: every change is computed by pycalc in a worker.
// The page sends what the reader typed, as typed: pycalc reads amounts ("550 000", "kr 550.000").
import { runtime } from "./calculator-runtime.js";

const SITE_ROOT = new URL("../", import.meta.url);
const ANNOUNCE_AFTER_MS = 900; // announce results when the reader pauses, not per keystroke
const ERRORS_AFTER_MS = 1200; // a field's error waits for a pause in typing, or for the reader to leave it
const CHART_AFTER_MS = 250; // a chart is two dozen calculations: draw it when typing pauses
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

function fieldValues(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    values[element.name] = element.type === "checkbox" ? element.checked : element.value;
  }
  return values;
}

// The figures in a shared link: #calc-<id>?name=value&rules=2026 (also when the whole fragment
// was percent-encoded on its way, e.g. by a mail program).
function fragmentFor(widget) {
  let raw = location.hash.slice(1);
  if (!raw.includes("?")) {
    try { raw = decodeURIComponent(raw); } catch { return null; }
  }
  const at = raw.indexOf("?");
  if (at < 0) return null;
  let id = raw.slice(0, at);
  try { id = decodeURIComponent(id); } catch { return null; }
  return id === widget.id ? new URLSearchParams(raw.slice(at + 1)) : null;
}

function applyFragment(widget, form, params) {
  const rules = widget.querySelector("[data-rules-select]");
  if (rules && params.has("rules")) {
    rules.value = params.get("rules");
    widget.dataset.rules = rules.value;
  }
  for (const [name, value] of params) {
    const element = form.elements.namedItem(name);
    if (!element || element instanceof RadioNodeList) continue;
    if (element.type === "checkbox") element.checked = value === "true";
    else element.value = value;
  }
}

function fragmentOf(widget, values) {
  const params = new URLSearchParams();
  if (widget.querySelector("[data-rules-select]")) params.set("rules", widget.dataset.rules);
  for (const [name, value] of Object.entries(values)) params.set(name, String(value));
  return `#${widget.id}?${params}`;
}

function writeFragment(widget, values) {
  history.replaceState(history.state, "", fragmentOf(widget, values));
}

function setText(element, text) {
  if (element) element.textContent = text;
}

function listItems(list, items, render) {
  list.replaceChildren(...items.map(render));
}

function siteHref(url) {
  if (ABSOLUTE.test(url) || url.startsWith("#") || url.startsWith("//")) return url;
  return new URL(url.replace(/^\/+/, ""), SITE_ROOT).href;
}

// (what a reader can look up, NAV's code reference) from a step's one-line source, for steps
// that carry no citations of their own.
function splitSource(source) {
  const at = source.indexOf("; ");
  const first = at < 0 ? source : source.slice(0, at);
  if (!first.startsWith("navikt/")) return [source, ""];
  return [at < 0 ? "" : source.slice(at + 2), first];
}

// A step: its sentence; its sources as links a reader can follow; NAV's code reference folded away.
function stepItem(step) {
  const item = document.createElement("li");
  item.append(step.text + " ");
  let reference = step.reference || "";
  const source = document.createElement("span");
  source.className = "calc-source";
  if (step.citations && step.citations.length) {
    source.append("Source: ");
    step.citations.forEach((citation, i) => {
      if (i) source.append("; ");
      if (citation.url) {
        const link = document.createElement("a");
        link.href = siteHref(citation.url);
        link.textContent = citation.text;
        source.append(link);
      } else {
        source.append(citation.text);
      }
    });
    item.append(source);
  } else {
    const [readable, code] = splitSource(step.source || "");
    reference = reference || code;
    if (readable) {
      const cite = document.createElement("cite");
      cite.textContent = readable;
      source.append("Source: ", cite);
      item.append(source);
    }
  }
  if (reference) {
    const details = document.createElement("details");
    details.className = "calc-reference";
    const summary = document.createElement("summary");
    summary.textContent = "Where NAV's code says this";
    const body = document.createElement("p");
    const cite = document.createElement("cite");
    cite.textContent = reference;
    body.append(cite);
    details.append(summary, body);
    item.append(details);
  }
  return item;
}

function noteItem(note) {
  const item = document.createElement("li");
  item.textContent = note;
  return item;
}

function reducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

class Widget {
  constructor(element) {
    this.element = element;
    this.form = element.querySelector("[data-form]");
    this.result = element.querySelector(".calc-result");
    this.answer = element.querySelector("[data-answer]");
    this.headline = element.querySelector("[data-headline]");
    this.summary = element.querySelector("[data-error-summary]");
    this.live = element.querySelector("[data-live]");
    this.runtimeStatus = element.querySelector("[data-runtime-status]");
    this.copyStatus = element.querySelector("[data-copy-status]");
    this.bundleUrl = new URL(element.dataset.bundle, SITE_ROOT).href;
    this.sequence = 0;
    this.announceTimer = null;
    this.errorTimer = null;
    this.chartTimer = null;
    this.chart = element.querySelector("[data-chart]");
    this.booted = false;

    this.form.addEventListener("input", () => this.compute({ fromReader: true }));
    // "change" comes when a text field is left (or a box or list changed): its error need not wait.
    this.form.addEventListener("change", () => this.compute({ fromReader: true, errorsNow: true }));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute({ fromReader: true, submitted: true });
    });
    this.form.addEventListener("focusin", () => this.boot(), { once: true });
    this.summary.addEventListener("click", (event) => this.focusField(event));
    const actions = element.querySelector("[data-actions]");
    if (actions) actions.hidden = false;
    element.querySelector("[data-print]")?.addEventListener("click", () => this.print());
    element.querySelector("[data-copy-link]")?.addEventListener("click", () => this.copyLink());
    const rules = element.querySelector("[data-rules-select]");
    if (rules) {
      rules.addEventListener("change", () => {
        element.dataset.rules = rules.value;
      });
    }

    const params = fragmentFor(element);
    if (params) {
      // A shared link: its figures, never the worked example (kept out of sight until computed;
      // calculator-early.js hid it, and the example's inputs too, before the page was painted).
      element.dataset.fragment = "computing";
      applyFragment(element, this.form, params);
      setText(this.runtimeStatus, "Working out the answer for the figures in your link…");
      if (window.top === window) element.scrollIntoView(); // in a partner's iframe, never scroll their page
      this.compute({ fromReader: false });
    } else {
      delete element.dataset.fragment;
      // The worker starts as soon as a page has a calculator: it runs on its own thread, so the
      // page does not wait for it, and the reader's first change finds it ready (benchmark: warm ready).
      this.boot();
    }
    this.fillPrint();
  }

  boot() {
    if (this.booted) return;
    this.booted = true;
    const live = runtime(this.bundleUrl);
    if (this.element.dataset.state === "prerendered") this.setState("loading");
    live.ready.then(
      () => {
        if (this.element.dataset.state === "loading") this.setState("ready");
        if (!this.element.dataset.fragment) setText(this.runtimeStatus, "");
      },
      (error) => this.unavailable(error),
    );
  }

  setState(state) {
    this.element.dataset.state = state;
  }

  // The shared link's figures are applied (or could not be): the widget shows again.
  settled() {
    if (!this.element.dataset.fragment) return;
    delete this.element.dataset.fragment;
    setText(this.runtimeStatus, "");
  }

  async compute({ fromReader, submitted = false, errorsNow = false }) {
    this.boot();
    // Said only when the reader is waiting for it, so that the page does not shift on every load.
    if (this.element.dataset.state === "loading" && !this.element.dataset.fragment) {
      setText(this.runtimeStatus, "Starting live calculation in your browser…");
    }
    const values = fieldValues(this.form);
    const sequence = ++this.sequence;
    this.result.dataset.stale = "true";
    this.answer.dataset.stale = "true";
    let answer;
    try {
      answer = await runtime(this.bundleUrl).calculate({
        calculator: this.element.dataset.calculator,
        rules: this.element.dataset.rules,
        inputs: values,
      });
    } catch (error) {
      return; // unavailable() has already told the reader
    }
    if (sequence !== this.sequence) return; // a newer change is on its way
    if (answer.ok) {
      this.showResult(answer.result);
      this.drawChartSoon(values);
      if (fromReader) writeFragment(this.element, values);
      if (submitted) this.bringAnswerIntoView();
    } else if (answer.errors) {
      if (submitted || errorsNow || !fromReader) this.showErrors(answer.errors, submitted);
      else this.showErrorsSoon(answer.errors);
    } else {
      this.showFailure(answer);
    }
  }

  showResult(result) {
    this.clearErrors();
    setText(this.headline, result.headline);
    const tag = this.element.querySelector("[data-answer-tag]");
    if (tag) tag.hidden = true; // no longer the worked example: the reader's own figures
    for (const output of this.result.querySelectorAll("[data-output]")) {
      const name = output.dataset.output;
      output.dataset.value = JSON.stringify(result.outputs[name]);
      output.textContent = result.display[name];
    }
    listItems(this.result.querySelector("[data-steps]"), result.steps, stepItem);
    listItems(this.result.querySelector("[data-notes]"), result.notes, noteItem);
    setText(this.result.querySelector("[data-rules]"), `Rules: ${result.rules_label}, in force from ${result.rules_date}.`);
    setText(this.result.querySelector("[data-status]"), "Calculated in your browser from the figures above.");
    this.result.dataset.source = "browser";
    delete this.result.dataset.stale;
    delete this.answer.dataset.stale;
    this.setState("ready");
    this.settled();
    this.fillPrint();
    this.announceSoon();
    // For pages that host the widget (the embed page relays it to a partner's page).
    this.element.dispatchEvent(new CustomEvent("calculator:result", {
      bubbles: true,
      detail: { calculator: result.calculator, rules: result.rules, inputs: result.inputs, outputs: result.outputs },
    }));
  }

  // After "Calculate": the answer, with the result under it, comes into view and takes the focus.
  bringAnswerIntoView() {
    this.headline.focus({ preventScroll: true });
    if (window.top !== window) return; // in a partner's iframe, never scroll their page
    const header = document.querySelector(".md-header");
    const above = (header ? header.getBoundingClientRect().height : 0) + 8;
    const answerTop = this.result.getBoundingClientRect().top - this.answer.offsetHeight - 24;
    window.scrollTo({ top: window.scrollY + answerTop - above, behavior: reducedMotion() ? "auto" : "smooth" });
  }

  drawChartSoon(values) {
    if (!this.chart) return;
    clearTimeout(this.chartTimer);
    const sequence = this.sequence;
    this.chartTimer = setTimeout(async () => {
      const answer = await runtime(this.bundleUrl).calculate({
        calculator: this.element.dataset.calculator,
        rules: this.element.dataset.rules,
        inputs: values,
        chart: true,
        uid: this.element.id,
      });
      // The SVG is built by pycalc from numbers and escaped labels: no reader text reaches it unescaped.
      if (answer.ok && sequence === this.sequence) this.chart.innerHTML = answer.chart_html;
    }, CHART_AFTER_MS);
  }

  // The answer in words first, then every output, most important first, each with its unit.
  announceSoon() {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const parts = [...this.result.querySelectorAll(".calc-output")].map((row) =>
        `${row.querySelector("dt").textContent}: ${row.querySelector("dd").textContent}.`);
      setText(this.live, `${this.headline.textContent} ${parts.join(" ")}`);
    }, ANNOUNCE_AFTER_MS);
  }

  clearErrors() {
    clearTimeout(this.errorTimer);
    for (const message of this.element.querySelectorAll("[data-error-for]")) {
      message.hidden = true;
      message.textContent = "";
      const field = this.form.elements.namedItem(message.dataset.errorFor);
      if (field && !(field instanceof RadioNodeList)) field.removeAttribute("aria-invalid");
    }
    this.summary.hidden = true;
    this.summary.querySelector("ul").replaceChildren();
  }

  // While the reader types, a mistake is told only when they pause or leave the field; a message
  // already shown for a field that is now right goes at once.
  showErrorsSoon(errors) {
    clearTimeout(this.errorTimer);
    const wrong = new Set(errors.map(({ field }) => field));
    for (const message of this.element.querySelectorAll("[data-error-for]:not([hidden])")) {
      if (wrong.has(message.dataset.errorFor)) continue;
      message.hidden = true;
      message.textContent = "";
      this.form.elements.namedItem(message.dataset.errorFor)?.removeAttribute?.("aria-invalid");
    }
    this.errorTimer = setTimeout(() => this.showErrors(errors, false), ERRORS_AFTER_MS);
  }

  showErrors(errors, submitted) {
    this.clearErrors();
    const items = [];
    for (const { field, message } of errors) {
      const slot = this.element.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
      const input = this.form.elements.namedItem(field);
      if (slot) {
        slot.textContent = message;
        slot.hidden = false;
      }
      if (input && !(input instanceof RadioNodeList)) input.setAttribute("aria-invalid", "true");
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.textContent = message;
      if (input && input.id) link.href = `#${input.id}`;
      item.append(link);
      items.push(item);
    }
    this.summary.querySelector("ul").replaceChildren(...items);
    this.summary.hidden = false;
    setText(this.result.querySelector("[data-status]"), "The result below is for your last valid figures. Correct the figures marked above.");
    this.setState("ready");
    this.settled();
    if (submitted) this.summary.focus();
  }

  showFailure(answer) {
    if (answer.detail) console.error(answer.detail);
    this.settled();
    setText(
      this.result.querySelector("[data-status]"),
      `${answer.failure} The result below is for your last figures that worked; it may be out of date.`,
    );
  }

  // The address that opens this calculator with the figures now in the form.
  shareUrl() {
    const back = document.querySelector("a.embed-back"); // in a partner's frame: the chapter page
    const page = (back ? back.href : location.href).split("#")[0];
    return page + fragmentOf(this.element, fieldValues(this.form));
  }

  async copyLink() {
    const url = this.shareUrl();
    if (window.top === window) writeFragment(this.element, fieldValues(this.form));
    setText(this.copyStatus, "");
    try {
      await navigator.clipboard.writeText(url);
      setText(this.copyStatus, "Link copied. It opens this calculator with your figures.");
    } catch (error) {
      setText(this.copyStatus, `Your browser did not let us copy. The link is: ${url}`);
    }
  }

  // The printed record: the figures as typed, then the answer, the outputs, the steps with their
  // sources, the rules and their date, and the link that opens it again.
  fillPrint() {
    const rows = [];
    for (const field of this.form.querySelectorAll(".calc-field")) {
      const label = field.querySelector("label");
      const control = field.querySelector("input, select");
      if (!label || !control || control.hasAttribute("data-rules-select")) continue; // the rules have their own line
      const term = document.createElement("dt");
      term.textContent = label.textContent;
      const value = document.createElement("dd");
      const unit = field.querySelector(".calc-unit");
      value.textContent = control.type === "checkbox" ? (control.checked ? "Yes" : "No")
        : control.tagName === "SELECT" ? control.selectedOptions[0]?.textContent ?? ""
        : [control.value.trim(), control.value.trim() && unit ? unit.textContent : ""].filter(Boolean).join(" ");
      rows.push(term, value);
    }
    this.element.querySelector(".calc-print-inputs").replaceChildren(...rows);
    setText(this.element.querySelector("[data-print-origin]"),
      `Link to these figures: ${this.shareUrl()} (printed ${new Date().toLocaleDateString("en-GB", { dateStyle: "long" })}). ` +
      "An estimate; NAV's decision is what counts.");
  }

  // Prints this widget alone: everything else on the page is left out of the printout.
  print() {
    this.fillPrint();
    const path = [];
    for (let node = this.element.parentElement; node; node = node.parentElement) {
      node.setAttribute("data-print-path", "");
      path.push(node);
    }
    this.element.dataset.printing = "true";
    document.documentElement.classList.add("calc-printing");
    window.addEventListener("afterprint", () => {
      delete this.element.dataset.printing;
      for (const node of path) node.removeAttribute("data-print-path");
      document.documentElement.classList.remove("calc-printing");
    }, { once: true });
    window.print();
  }

  focusField(event) {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation(); // Material's instant navigation would follow the link and replace the shared link
    target.focus();
  }

  unavailable(error) {
    this.setState("error");
    delete this.element.dataset.fragment; // the worked example shows, with why
    setText(
      this.runtimeStatus,
      `Live calculation is unavailable: ${error.message}. The worked example below still shows how the rules apply; ` +
        "reload the page to try again.",
    );
  }
}

function mountAll() {
  for (const element of document.querySelectorAll("[data-calculator]")) {
    if (!element.calculatorWidget) element.calculatorWidget = new Widget(element);
  }
  // The widgets now keep a shared link's example out of sight themselves (data-fragment).
  for (const early of document.querySelectorAll("style[data-calc-early]")) early.remove();
}

// Printing from the browser's own menu: each record carries the link and the date of printing.
window.addEventListener("beforeprint", () => {
  for (const element of document.querySelectorAll("[data-calculator]")) element.calculatorWidget?.fillPrint();
});

// Material's instant navigation swaps the page without reloading: mount on every swap.
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
