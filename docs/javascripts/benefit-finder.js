// "What can I get?" (issue 14): the questionnaire rendered by site_scripts/benefit_finder_page.py,
// made live. One step at a time (Back and Continue keep every answer); the answers go, as typed, to
// pycalc.find_benefits in the calculators' own worker (calculator-runtime.js): this page parses no
// number itself, and nothing leaves the browser. The situation lives in the address's fragment,
// #situation?age=34&annual_income=300000&children_ages=1,4&single_parent=true&events=lost_job,
// so an answer can be shared, printed with its link, and opened again at once.
import { runtime } from "./calculator-runtime.js";

const SITE_ROOT = new URL("../", import.meta.url);
const FRAGMENT_ID = "situation";
const TRUE_WORDS = ["true", "yes", "on", "1"];
const MONTHS = 12;
const NOK = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
// The why of an unlikely benefit often names the benefit itself ("Sickness benefit: you did not say ...").
const NAMES_ITSELF = /^[A-Z][\w' -]*(benefit|allowance|pension): /;

function nok(amount) {
  return `NOK ${NOK.format(amount)}`;
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function setText(element, text) {
  if (element) element.textContent = text;
}

function make(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "className") element.className = value;
    else element.setAttribute(name, value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

function reducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

// The situation in the address, or null. Also read when a mail program percent-encoded the whole
// fragment on its way; a value may be repeated (events=lost_job&events=ill) or comma-separated.
function situationInHash() {
  let raw = location.hash.slice(1);
  if (!raw.includes("?")) {
    try { raw = decodeURIComponent(raw); } catch { return null; }
  }
  const at = raw.indexOf("?");
  if (at < 0 || raw.slice(0, at) !== FRAGMENT_ID) return null;
  const params = new URLSearchParams(raw.slice(at + 1));
  const situation = {};
  for (const name of new Set(params.keys())) situation[name] = params.getAll(name).join(",");
  return situation;
}

// Commas and spaces kept readable: #situation?children_ages=1,+4&annual_income=300+000
// (URLSearchParams reads "+" as a space).
function fragmentOf(situation) {
  const parts = Object.entries(situation).map(([name, value]) =>
    `${encodeURIComponent(name)}=${encodeURIComponent(value).replace(/%2C/gi, ",").replace(/%20/g, "+")}`);
  return `#${FRAGMENT_ID}?${parts.join("&")}`;
}

class Finder {
  constructor(element) {
    this.element = element;
    this.form = element.querySelector("[data-finder-form]");
    this.steps = [...element.querySelectorAll(".finder-step")];
    this.answer = element.querySelector("[data-finder-answer]");
    this.summary = element.querySelector("[data-error-summary]");
    this.status = element.querySelector("[data-runtime-status]");
    this.live = element.querySelector("[data-live]");
    this.copyStatus = element.querySelector("[data-copy-status]");
    this.calculators = JSON.parse(element.dataset.calculators || "{}");
    this.askFields = JSON.parse(element.dataset.askFields || "{}");
    this.bundleUrl = new URL(element.dataset.bundle, SITE_ROOT).href;
    this.current = 0;
    this.sequence = 0;
    this.lastSituation = null;

    element.addEventListener("click", (event) => this.click(event));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submitted(event.submitter);
    });

    const situation = situationInHash();
    if (situation) {
      // A shared link: its answers, straight away. The form stays hidden (as in the HTML), so it never
      // flashes empty before the answer; it shows only if the link's answers need correcting.
      this.fill(situation);
      this.element.dataset.state = "computing";
      setText(this.status, "Working out what you may get, from the answers in your link…");
      if (window.top === window) element.scrollIntoView();
      this.compute({ fromLink: true });
    } else {
      this.showStep(0, { focus: false });
      this.form.hidden = false;
      this.element.dataset.state = "asking";
      // The worker starts now, on its own thread: by the last step it is ready.
      runtime(this.bundleUrl).ready.catch((error) => this.unavailable(error));
    }
  }

  click(event) {
    const button = event.target.closest("button");
    if (button && this.element.contains(button)) {
      if (button.hasAttribute("data-next")) this.showStep(this.current + 1);
      else if (button.hasAttribute("data-back")) this.showStep(this.current - 1);
      else if (button.hasAttribute("data-change")) this.change(0);
      else if (button.hasAttribute("data-copy-link")) this.copyLink();
      else if (button.hasAttribute("data-print")) this.print();
      else if (button.hasAttribute("data-ask-field")) this.change(null, button.dataset.askField);
      return;
    }
    const link = event.target.closest("a[href^='#finder-']");
    if (link && this.summary.contains(link)) {
      // To the field itself, on its step; Material's instant navigation must not follow the link
      // (it would replace the address, and with it the reader's answers in the fragment).
      event.preventDefault();
      event.stopPropagation();
      this.focusControl(document.getElementById(link.getAttribute("href").slice(1)));
    }
  }

  // ------------------------------------------------------------------ the steps

  showStep(index, { focus = true } = {}) {
    this.current = Math.max(0, Math.min(index, this.steps.length - 1));
    this.steps.forEach((step, i) => { step.hidden = i !== this.current; });
    if (!focus) return;
    const step = this.steps[this.current];
    step.focus({ preventScroll: true }); // a screen reader reads the step's legend: "Step 2 of 4, Your family"
    this.scrollTo(step);
  }

  stepOf(control) {
    const step = control && control.closest(".finder-step");
    return step ? this.steps.indexOf(step) : -1;
  }

  // The form again, every answer kept: at a step, or at the step of one question (focused).
  change(index, fieldName = null) {
    this.answer.hidden = true;
    this.form.hidden = false;
    this.element.dataset.state = "asking";
    if (fieldName) {
      this.focusControl(this.controlFor(fieldName));
    } else {
      this.showStep(index ?? 0);
    }
  }

  focusControl(control) {
    if (!control) return;
    const index = this.stepOf(control);
    if (index >= 0) this.showStep(index, { focus: false });
    this.form.hidden = false;
    control.focus({ preventScroll: true });
    control.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
  }

  controlFor(name) {
    const found = this.form.elements.namedItem(name);
    return found instanceof RadioNodeList ? found[0] : found;
  }

  scrollTo(target) {
    if (window.top !== window) return;
    const header = document.querySelector(".md-header");
    const above = (header ? header.getBoundingClientRect().height : 0) + 8;
    const top = target.getBoundingClientRect().top;
    if (top >= above && top < window.innerHeight / 3) return; // already at the top of the view
    window.scrollTo({ top: window.scrollY + top - above, behavior: reducedMotion() ? "auto" : "smooth" });
  }

  // Enter in a field continues to the next step; only the last step (or "See what you can get"
  // once an answer was shown) asks for the answer.
  submitted(submitter) {
    const explicit = submitter && submitter.hasAttribute("data-submit") && !submitter.hidden
      && this.steps[this.current].contains(submitter);
    if (!explicit && this.current < this.steps.length - 1) {
      this.showStep(this.current + 1);
      return;
    }
    this.compute({ fromLink: false });
  }

  // ------------------------------------------------------------------ answers in and out

  // What the reader typed, as typed; empty answers left out (not asked is not zero).
  situation() {
    const situation = {};
    const events = [];
    for (const control of this.form.elements) {
      if (!control.name) continue;
      if (control.name === "events") {
        if (control.checked) events.push(control.value);
      } else if (control.type === "checkbox") {
        if (control.checked) situation[control.name] = "true";
      } else if (control.value.trim() !== "") {
        situation[control.name] = control.value.trim();
      }
    }
    if (events.length) situation.events = events.join(",");
    return situation;
  }

  // A link's answers into the form. A question the form does not ask is sent as it is, so pycalc
  // says what is wrong with it rather than the page dropping it unseen.
  fill(situation) {
    this.extra = {};
    for (const [name, value] of Object.entries(situation)) {
      if (name === "events") {
        const wanted = value.split(",").map((event) => event.trim());
        for (const box of this.form.querySelectorAll("input[name='events']")) box.checked = wanted.includes(box.value);
        const unknown = wanted.filter((event) => event && !this.form.querySelector(`input[name='events'][value='${CSS.escape(event)}']`));
        if (unknown.length) this.extra.events = value;
        continue;
      }
      const control = this.form.elements.namedItem(name);
      if (!control || control instanceof RadioNodeList) this.extra[name] = value;
      else if (control.type === "checkbox") control.checked = TRUE_WORDS.includes(value.trim().toLowerCase());
      else control.value = value;
    }
  }

  async compute({ fromLink }) {
    const situation = { ...this.situation(), ...(this.extra || {}) };
    this.extra = {};
    const sequence = ++this.sequence;
    if (!fromLink) {
      this.element.dataset.state = "computing";
      setText(this.status, "Working out what you may get…");
    }
    let answer;
    try {
      answer = await runtime(this.bundleUrl).calculate({ situation });
    } catch (error) {
      this.unavailable(error);
      return;
    }
    if (sequence !== this.sequence) return;
    setText(this.status, "");
    if (answer.ok) {
      this.showAnswer(answer, situation);
    } else if (answer.errors) {
      this.showErrors(answer.errors);
    } else {
      if (answer.detail) console.error(answer.detail);
      this.element.dataset.state = "error";
      this.form.hidden = false;
      setText(this.status, `${answer.failure} Please try again later.`);
    }
  }

  // ------------------------------------------------------------------ the answer

  showAnswer(answer, situation) {
    this.clearErrors();
    this.lastSituation = situation;
    const likely = answer.benefits.filter((b) => b.status === "likely");
    const ask = answer.benefits.filter((b) => b.status === "ask");
    const unlikely = answer.benefits.filter((b) => b.status === "unlikely");

    const total = this.element.querySelector("[data-total]");
    total.dataset.value = String(answer.total_monthly);
    if (likely.length) {
      total.replaceChildren(
        "For your household: about ",
        make("strong", {}, `${nok(answer.total_monthly)} a month`),
        ` (${nok(answer.total_monthly * MONTHS)} a year), before tax, from ${likely.length} ` +
          `benefit${likely.length > 1 ? "s" : ""} you are likely to get.`,
      );
    } else {
      total.textContent = "From your answers we found no benefit you are likely to get. See below why, and what we cannot judge.";
    }

    this.element.querySelector("[data-likely]").replaceChildren(...likely.map((b, i) => this.likelyItem(b, i)));
    this.element.querySelector("[data-ask]").replaceChildren(...ask.map((b) => this.askItem(b)));
    this.element.querySelector("[data-ask-part]").hidden = !ask.length;
    this.element.querySelector("[data-unlikely]").replaceChildren(...unlikely.map((b) => this.unlikelyItem(b)));
    this.element.querySelector("[data-unlikely-part]").hidden = !unlikely.length;
    const rules = answer.benefits.find((b) => b.result)?.result;
    setText(this.element.querySelector("[data-rules]"),
      rules ? `Worked out with rule set ${rules.rules_label}. An estimate; NAV's decision is what counts.`
        : "An estimate; NAV's decision is what counts.");

    for (const button of this.form.querySelectorAll("[data-submit-early]")) button.hidden = false;
    this.form.hidden = true;
    this.answer.hidden = false;
    this.element.dataset.state = "answered";
    if (window.top === window) history.replaceState(history.state, "", fragmentOf(situation));
    this.fillPrint();
    setText(this.copyStatus, "");
    // Read out once: the total, then how many more need a figure or look unlikely.
    setText(this.live, "");
    setTimeout(() => setText(this.live, this.announcement(likely, ask, answer.total_monthly)), 50);
    // Also for a shared link: the answer grows above the text that follows it, and the browser's
    // scroll anchoring would otherwise carry the view down past it.
    const title = this.answer.querySelector("[data-answer-title]");
    title.focus({ preventScroll: true });
    this.scrollTo(this.answer);
  }

  announcement(likely, ask, totalMonthly) {
    const parts = [likely.length
      ? `Your answer: about ${nok(totalMonthly)} a month before tax, from ${likely.length} benefit${likely.length > 1 ? "s" : ""}.`
      : "Your answer: no benefit looks likely from your answers."];
    if (ask.length) parts.push(`${ask.length} more need${ask.length > 1 ? "" : "s"} one figure from you.`);
    return parts.join(" ");
  }

  title(id) {
    return this.calculators[id]?.title || id.replaceAll("_", " ");
  }

  // The calculator's own page with the reader's figures: #calc-<id>?rules=2026&name=value (calculator.js).
  calculatorLink(entry) {
    const place = this.calculators[entry.calculator];
    if (!place) return null;
    const url = new URL(place.page, SITE_ROOT);
    const params = new URLSearchParams();
    if (entry.result) {
      params.set("rules", entry.result.rules);
      for (const [name, value] of Object.entries(entry.inputs || {})) {
        if (value !== null && value !== undefined) params.set(name, String(value));
      }
    }
    url.hash = entry.result ? `calc-${entry.calculator}?${params}` : `calc-${entry.calculator}`;
    return url.href;
  }

  likelyItem(entry, index) {
    const id = `finder-benefit-${index}`;
    const monthly = entry.monthly_amount;
    const link = this.calculatorLink(entry);
    return make("article", { className: "finder-benefit", "data-benefit": entry.calculator, "data-status": "likely",
      "data-monthly": String(monthly), "aria-labelledby": id },
      make("h3", { id, className: "finder-benefit-title" }, this.title(entry.calculator)),
      make("p", { className: "finder-headline", "data-headline": "" }, entry.result.headline),
      make("p", { className: "finder-amount" },
        make("strong", {}, `About ${nok(monthly)} a month`), ` (about ${nok(entry.annual_amount)} a year).`),
      make("p", { className: "finder-why" }, make("span", { className: "finder-why-label" }, "Why: "), entry.why),
      link ? make("p", { className: "finder-link" }, make("a", { href: link },
        `Check it in the ${this.title(entry.calculator).replace(/ \(.*\)$/, "").toLowerCase()} calculator, with your figures`)) : null);
  }

  askItem(entry) {
    const field = this.askFields[entry.calculator];
    const label = field ? this.form.querySelector(`label[for='${CSS.escape(this.controlFor(field)?.id || "")}']`) : null;
    return make("div", { className: "finder-benefit finder-benefit--ask", "data-benefit": entry.calculator, "data-status": "ask" },
      make("h4", { className: "finder-benefit-title" }, this.title(entry.calculator)),
      make("p", { className: "finder-why" }, capitalised(entry.why.replace(NAMES_ITSELF, ""))),
      field && label ? make("p", {}, make("button", { type: "button", className: "md-button", "data-ask-field": field },
        `Tell us ${label.textContent.replace(/^If [^:]*: /, "").replace(/^W/, "w")}`)) : null);
  }

  unlikelyItem(entry) {
    const link = this.calculatorLink(entry);
    const why = entry.why.replace(NAMES_ITSELF, "");
    return make("li", { "data-benefit": entry.calculator, "data-status": "unlikely" },
      make("strong", {}, `${this.title(entry.calculator)}: `), why,
      link ? make("span", { className: "finder-unlikely-link" }, " ",
        make("a", { href: link }, "Open its calculator")) : null);
  }

  // ------------------------------------------------------------------ errors

  clearErrors() {
    for (const message of this.element.querySelectorAll("[data-error-for]")) {
      message.hidden = true;
      message.textContent = "";
    }
    for (const control of this.form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    this.summary.hidden = true;
    this.summary.querySelector("ul").replaceChildren();
  }

  // pycalc's message by each field, a summary of links to them in the form's order, the summary
  // focused, the step with the first bad answer shown.
  showErrors(errors) {
    this.clearErrors();
    const controls = [...this.form.elements];
    const place = (field) => {
      const at = controls.indexOf(this.controlFor(field));
      return at < 0 ? controls.length : at;
    };
    const items = [];
    let firstStep = -1;
    for (const { field, message } of [...errors].sort((a, b) => place(a.field) - place(b.field))) {
      const slot = this.element.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
      const control = this.controlFor(field);
      if (slot) {
        slot.textContent = message;
        slot.hidden = false;
      }
      if (control) {
        control.setAttribute("aria-invalid", "true");
        const step = this.stepOf(control);
        if (firstStep < 0 && step >= 0) firstStep = step;
      }
      const link = make("a", control ? { href: `#${control.id}` } : {}, message);
      items.push(make("li", {}, link));
    }
    this.summary.querySelector("ul").replaceChildren(...items);
    this.summary.hidden = false;
    for (const button of this.form.querySelectorAll("[data-submit-early]")) button.hidden = false;
    this.answer.hidden = true;
    this.form.hidden = false;
    this.element.dataset.state = "errors";
    this.showStep(firstStep >= 0 ? firstStep : this.current, { focus: false });
    this.summary.focus({ preventScroll: true });
    this.scrollTo(this.summary);
    setText(this.live, "");
  }

  unavailable(error) {
    this.element.dataset.state = "unavailable";
    this.form.hidden = false;
    setText(this.status,
      `This questionnaire works in your browser, and it could not start: ${error.message}. ` +
      "Reload the page to try again; each chapter's calculator also shows a worked example.");
  }

  // ------------------------------------------------------------------ share and print

  shareUrl() {
    return location.href.split("#")[0] + fragmentOf(this.lastSituation || this.situation());
  }

  async copyLink() {
    const url = this.shareUrl();
    setText(this.copyStatus, "");
    try {
      await navigator.clipboard.writeText(url);
      setText(this.copyStatus, "Link copied. It opens this page with your answers. Share it only with people you trust.");
    } catch {
      setText(this.copyStatus, `Your browser did not let us copy. The link is: ${url}`);
    }
  }

  // The printed record: the reader's answers as they gave them, then the benefits, the date, the link.
  fillPrint() {
    const rows = [];
    const add = (term, value) => rows.push(make("dt", {}, term), make("dd", {}, value));
    for (const step of this.steps) {
      for (const field of step.querySelectorAll(":scope > .calc-field")) {
        const control = field.querySelector("input");
        const label = field.querySelector("label");
        if (!control || !label) continue;
        if (control.type === "checkbox") {
          if (control.checked) add(label.textContent, "Yes");
        } else if (control.value.trim()) {
          add(label.textContent, control.value.trim() + (field.querySelector(".calc-unit") ? " NOK" : ""));
        }
      }
      const events = [...step.querySelectorAll("input[name='events']:checked")]
        .map((box) => this.form.querySelector(`label[for='${CSS.escape(box.id)}']`).textContent);
      if (events.length) add("What has happened", events.join("; "));
    }
    if (!rows.length) add("Your answers", "None given");
    this.element.querySelector("[data-print-answers]").replaceChildren(...rows);
    setText(this.element.querySelector("[data-print-origin]"),
      `Link to these answers: ${this.shareUrl()} (printed ${new Date().toLocaleDateString("en-GB", { dateStyle: "long" })}).`);
  }

  // The answer alone on paper: everything else on the page is left out.
  print() {
    this.fillPrint();
    const path = [];
    for (let node = this.element.parentElement; node; node = node.parentElement) {
      node.setAttribute("data-finder-print-path", "");
      path.push(node);
    }
    document.documentElement.classList.add("finder-printing");
    window.addEventListener("afterprint", () => {
      for (const node of path) node.removeAttribute("data-finder-print-path");
      document.documentElement.classList.remove("finder-printing");
    }, { once: true });
    window.print();
  }

  // The address changed to another situation (the reader went back, or pasted a link): show it.
  hashChanged() {
    const situation = situationInHash();
    if (!situation || fragmentOf(situation) === fragmentOf(this.lastSituation || {})) return;
    this.form.reset();
    this.fill(situation);
    this.compute({ fromLink: true });
  }
}

function mountAll() {
  for (const element of document.querySelectorAll("[data-benefit-finder]")) {
    if (!element.benefitFinder) element.benefitFinder = new Finder(element);
  }
}

window.addEventListener("beforeprint", () => {
  for (const element of document.querySelectorAll("[data-benefit-finder]")) {
    if (element.benefitFinder?.lastSituation) element.benefitFinder.fillPrint();
  }
});
window.addEventListener("hashchange", () => {
  for (const element of document.querySelectorAll("[data-benefit-finder]")) element.benefitFinder?.hashChanged();
});

// Material's instant navigation swaps the page without reloading: mount on every swap.
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
