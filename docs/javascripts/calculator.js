// Calculator widgets. The form and a worked example are already in the page (rendered at
// build time); this makes them live: every change is computed by pycalc in a worker.
import { runtime } from "./calculator-runtime.js";

const SITE_ROOT = new URL("../", import.meta.url);
const ANNOUNCE_AFTER_MS = 900; // announce results when the reader pauses, not per keystroke
const ANNOUNCED_OUTPUTS = 3;
const CHART_AFTER_MS = 250; // a chart is two dozen calculations: draw it when typing pauses

function fieldValues(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    values[element.name] = element.type === "checkbox" ? element.checked : element.value;
  }
  return values;
}

function fragmentFor(widget) {
  const [id, query] = decodeURIComponent(location.hash.slice(1)).split("?", 2);
  return id === widget.id && query !== undefined ? new URLSearchParams(query) : null;
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

function writeFragment(widget, values) {
  const params = new URLSearchParams();
  if (widget.querySelector("[data-rules-select]")) params.set("rules", widget.dataset.rules);
  for (const [name, value] of Object.entries(values)) params.set(name, String(value));
  history.replaceState(history.state, "", `#${widget.id}?${params}`);
}

function setText(element, text) {
  if (element) element.textContent = text;
}

function listItems(list, items, render) {
  list.replaceChildren(...items.map(render));
}

function stepItem(step) {
  const item = document.createElement("li");
  const source = document.createElement("cite");
  source.className = "calc-source";
  source.textContent = step.source;
  item.append(step.text + " ", source);
  return item;
}

function noteItem(note) {
  const item = document.createElement("li");
  item.textContent = note;
  return item;
}

class Widget {
  constructor(element) {
    this.element = element;
    this.form = element.querySelector("[data-form]");
    this.result = element.querySelector(".calc-result");
    this.summary = element.querySelector("[data-error-summary]");
    this.live = element.querySelector("[data-live]");
    this.runtimeStatus = element.querySelector("[data-runtime-status]");
    this.bundleUrl = new URL(element.dataset.bundle, SITE_ROOT).href;
    this.sequence = 0;
    this.announceTimer = null;
    this.chartTimer = null;
    this.chart = element.querySelector("[data-chart]");
    this.booted = false;

    this.form.addEventListener("input", () => this.compute({ fromReader: true }));
    this.form.addEventListener("change", () => this.compute({ fromReader: true }));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute({ fromReader: true, submitted: true });
    });
    this.form.addEventListener("focusin", () => this.boot(), { once: true });
    this.summary.addEventListener("click", (event) => this.focusField(event));
    const print = element.querySelector("[data-print]");
    print.hidden = false;
    print.addEventListener("click", () => this.print());
    const rules = element.querySelector("[data-rules-select]");
    if (rules) {
      rules.addEventListener("change", () => {
        element.dataset.rules = rules.value;
        this.compute({ fromReader: true });
      });
    }

    const params = fragmentFor(element);
    if (params) {
      applyFragment(element, this.form, params);
      if (window.top === window) element.scrollIntoView(); // in a partner's iframe, never scroll their page
      this.compute({ fromReader: false });
    } else {
      // The worker starts as soon as a page has a calculator: it runs on its own thread, so the
      // page does not wait for it, and the reader's first change finds it ready (benchmark: warm ready).
      this.boot();
    }
  }

  boot() {
    if (this.booted) return;
    this.booted = true;
    const live = runtime(this.bundleUrl);
    if (this.element.dataset.state === "prerendered") this.setState("loading");
    live.ready.then(
      () => {
        if (this.element.dataset.state === "loading") this.setState("ready");
        setText(this.runtimeStatus, "");
      },
      (error) => this.unavailable(error),
    );
  }

  setState(state) {
    this.element.dataset.state = state;
  }

  async compute({ fromReader, submitted = false }) {
    this.boot();
    // Said only when the reader is waiting for it, so that the page does not shift on every load.
    if (this.element.dataset.state === "loading") setText(this.runtimeStatus, "Starting live calculation in your browser…");
    const values = fieldValues(this.form);
    const sequence = ++this.sequence;
    this.result.dataset.stale = "true";
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
    } else if (answer.errors) {
      this.showErrors(answer.errors, submitted);
    } else {
      this.showFailure(answer);
    }
  }

  showResult(result) {
    this.clearErrors();
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
    this.setState("ready");
    this.announceSoon(result);
    // For pages that host the widget (the embed page relays it to a partner's page).
    this.element.dispatchEvent(new CustomEvent("calculator:result", {
      bubbles: true,
      detail: { calculator: result.calculator, rules: result.rules, inputs: result.inputs, outputs: result.outputs },
    }));
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

  announceSoon(result) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const labels = [...this.result.querySelectorAll(".calc-output dt")].map((dt) => dt.textContent);
      const names = Object.keys(result.display);
      const parts = names.slice(0, ANNOUNCED_OUTPUTS).map((name, i) => `${labels[i]}: ${result.display[name]}.`);
      setText(this.live, `Result updated. ${parts.join(" ")}`);
    }, ANNOUNCE_AFTER_MS);
  }

  clearErrors() {
    for (const message of this.element.querySelectorAll("[data-error-for]")) {
      message.hidden = true;
      message.textContent = "";
      const field = this.form.elements.namedItem(message.dataset.errorFor);
      if (field) field.removeAttribute("aria-invalid");
    }
    this.summary.hidden = true;
    this.summary.querySelector("ul").replaceChildren();
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
    if (submitted) this.summary.focus();
  }

  showFailure(answer) {
    if (answer.detail) console.error(answer.detail);
    setText(
      this.result.querySelector("[data-status]"),
      `${answer.failure} The result below is for your last figures that worked; it may be out of date.`,
    );
  }

  // Prints this widget alone: the figures as typed, the result, the steps, the rule set and date.
  print() {
    const rows = [];
    for (const field of this.form.querySelectorAll(".calc-field")) {
      const label = field.querySelector("label");
      const control = field.querySelector("input, select");
      if (!label || !control) continue;
      const term = document.createElement("dt");
      term.textContent = label.textContent;
      const value = document.createElement("dd");
      value.textContent = control.type === "checkbox" ? (control.checked ? "Yes" : "No")
        : control.tagName === "SELECT" ? control.selectedOptions[0]?.textContent ?? "" : control.value;
      rows.push(term, value);
    }
    this.element.querySelector(".calc-print-inputs").replaceChildren(...rows);
    setText(this.element.querySelector("[data-print-origin]"),
      `From ${location.href} on ${new Date().toLocaleDateString("en-GB", { dateStyle: "long" })}. ` +
      "An estimate; NAV's decision is what counts.");
    this.element.dataset.printing = "true";
    document.documentElement.classList.add("calc-printing");
    window.addEventListener("afterprint", () => {
      delete this.element.dataset.printing;
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
}

// Material's instant navigation swaps the page without reloading: mount on every swap.
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
