// The page: check the reply as it is typed, mark the findings, list them with their
// replacements, show the scores.
//
// Everything the service sends back (the reply, messages, replacements) is shown with
// textContent or as text nodes, never as HTML: the text may be hostile.

import { ApiError, check, setToken } from "./api.js";
import {
  findingsAtPoint,
  findingsOf,
  markOf,
  renderMirror,
  setActive,
  shiftFindings,
} from "./highlight.js";
import { applyLanguage, initialLanguage, language, t } from "./i18n.js";

const DEBOUNCE_MS = 300;
const CATEGORIES = ["tone", "profanity", "jargon", "readability", "boilerplate", "grammar"];
const NAVIGATION_KEYS = new Set([
  "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown",
]);

const $ = (id) => document.getElementById(id);
const ui = {
  reply: $("reply"),
  replyLang: $("reply-lang"),
  mirror: $("mirror"),
  editor: $("editor"),
  popover: $("popover"),
  popoverBody: $("popover-body"),
  popoverClose: $("popover-close"),
  tokenForm: $("token-form"),
  tokenInput: $("token"),
  tokenMessage: $("token-message"),
  error: $("error"),
  summary: $("summary"),
  overall: $("overall"),
  scoreValue: $("score-value"),
  verdict: $("verdict"),
  bars: $("bars"),
  skipped: $("skipped"),
  findings: $("findings"),
  findingsHeading: $("findings-heading"),
  resultColumn: document.querySelector(".result-column"),
};

const state = {
  report: null, // the last report shown
  findings: [], // its suggestions, with from/to in UTF-16 units of ui.reply.value
  text: "", // the text `findings` point into
  active: null, // index of the finding outlined in the text
  popover: null, // null | "caret" | "hover": why the popover is open
  timer: null,
  controller: null,
  hideTimer: null,
};

// ---------------------------------------------------------------- checking

function scheduleCheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(runCheck, DEBOUNCE_MS);
}

async function runCheck() {
  clearTimeout(state.timer);
  state.controller?.abort();
  const text = ui.reply.value;
  if (text.trim() === "") {
    showEmpty();
    return;
  }
  const controller = new AbortController();
  state.controller = controller;
  ui.resultColumn.setAttribute("aria-busy", "true");
  try {
    const report = await check(
      text,
      { lang: ui.replyLang.value, message_lang: language() },
      controller.signal,
    );
    // A reply edited while the request was out is checked again; this answer is old.
    if (controller !== state.controller || ui.reply.value !== text) return;
    hideProblems();
    showReport(report);
  } catch (error) {
    if (error.name === "AbortError" || controller !== state.controller) return;
    showProblem(error);
  } finally {
    if (controller === state.controller) ui.resultColumn.removeAttribute("aria-busy");
  }
}

function showEmpty() {
  state.report = null;
  state.findings = [];
  state.text = ui.reply.value;
  hideProblems();
  closePopover();
  renderMirror(ui.mirror, state.text, []);
  ui.overall.hidden = true;
  ui.bars.replaceChildren();
  ui.skipped.textContent = "";
  ui.findings.replaceChildren();
  ui.summary.textContent = t("empty");
}

function showProblem(error) {
  if (error instanceof ApiError && error.status === 401) {
    ui.tokenMessage.textContent = error.message;
    ui.tokenForm.hidden = false;
    ui.tokenInput.focus();
    return;
  }
  const message =
    error instanceof ApiError && error.status === 0
      ? t("networkError", { detail: error.message })
      : String(error.message || error);
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function hideProblems() {
  ui.error.hidden = true;
  ui.error.textContent = "";
  ui.tokenForm.hidden = true;
}

// ---------------------------------------------------------------- rendering

function showReport(report) {
  state.report = report;
  state.text = ui.reply.value;
  state.findings = findingsOf(report);
  closePopover();
  renderFindings();
  renderScores(report);
}

/** The mirror and the list, from state.findings (after a report or an edit). */
function renderFindings() {
  renderMirror(ui.mirror, state.text, state.findings, state.active);
  const restore = focusPlace();
  const items = state.findings.map((finding) => {
    const item = document.createElement("li");
    item.className = `finding-item sev-${finding.severity}`;
    item.tabIndex = -1;
    item.dataset.index = String(finding.index);
    item.append(describe(finding, { inList: true }));
    return item;
  });
  if (items.length === 0 && state.report) {
    const none = document.createElement("li");
    none.className = "finding-none";
    none.textContent = t("noFindings");
    items.push(none);
  }
  ui.findings.replaceChildren(...items);
  restoreFocus(restore);
}

/** Where the focus is in the list (item position and control), to put it back. */
function focusPlace() {
  const focused = document.activeElement;
  if (!focused || !ui.findings.contains(focused)) return null;
  const item = focused.closest("li");
  const position = [...ui.findings.children].indexOf(item);
  return { position, role: focused.dataset.role || null };
}

function restoreFocus(place) {
  if (!place) return;
  const items = [...ui.findings.querySelectorAll("li.finding-item")];
  if (items.length === 0) {
    ui.findingsHeading.focus();
    return;
  }
  const item = items[Math.min(place.position, items.length - 1)];
  const same = place.role && item.querySelector(`[data-role="${place.role}"]`);
  (same || item.querySelector("button") || item).focus();
}

/** A finding's details (for the list and for the popover): text nodes only. */
function describe(finding, { inList }) {
  const box = document.createElement("div");
  box.className = "finding";

  const head = document.createElement("p");
  head.className = "finding-head";
  const badge = document.createElement("span");
  badge.className = `badge sev-${finding.severity}`;
  badge.textContent = t(`severity_${finding.severity}`);
  const category = document.createElement("span");
  category.className = "finding-category";
  category.textContent = t(`category_${finding.category}`);
  const rule = document.createElement("span");
  rule.className = "finding-rule";
  rule.textContent = `${finding.rule_id} ${finding.name}`;
  head.append(badge, " ", category, " ", rule);

  const where = document.createElement("p");
  where.className = "finding-where";
  const quote = document.createElement("q");
  quote.className = "finding-match";
  quote.textContent = finding.match;
  where.append(quote, " ", t("line", { line: finding.line }));
  if (inList) {
    const show = document.createElement("button");
    show.type = "button";
    show.className = "link";
    show.dataset.role = "show";
    show.textContent = t("showInText");
    show.addEventListener("click", () => showInText(finding));
    where.append(" ", show);
  }

  const message = document.createElement("p");
  message.className = "finding-message";
  message.textContent = finding.message;

  box.append(head, where, message, actions(finding, inList));
  return box;
}

/**
 * The replacement buttons. Only the first replacement of a finding whose fix_safety
 * is "safe" is a one-click fix; any other replacement (or a missing fix_safety) is a
 * suggestion the agent applies on purpose, marked as such.
 */
function actions(finding, inList) {
  const box = document.createElement("div");
  box.className = "finding-actions";
  const replacements = finding.replacements || [];
  if (replacements.length === 0) {
    const none = document.createElement("p");
    none.className = "hint";
    none.textContent = t("noReplacement");
    box.append(none);
    return box;
  }
  const noteId = `unsafe-${inList ? "list" : "pop"}-${finding.index}`;
  let unsafe = false;
  replacements.forEach((replacement, position) => {
    const safe = position === 0 && finding.fix_safety === "safe";
    unsafe ||= !safe;
    const button = document.createElement("button");
    button.type = "button";
    button.className = `apply ${safe ? "safe" : "unsafe"}`;
    button.dataset.safety = safe ? "safe" : "unsafe";
    button.dataset.role = `apply-${position}`;
    button.textContent =
      replacement === ""
        ? t("remove", { text: finding.match })
        : t(safe ? "apply" : "applyUnsafe", { text: replacement });
    if (!safe) button.setAttribute("aria-describedby", noteId);
    button.addEventListener("click", () => apply(finding, replacement));
    box.append(button);
  });
  if (unsafe) {
    const note = document.createElement("p");
    note.className = "unsafe-note";
    note.id = noteId;
    note.textContent = t("unsafeNote");
    box.append(note);
  }
  return box;
}

function renderScores(report) {
  ui.overall.hidden = false;
  ui.scoreValue.textContent = String(report.score);
  ui.verdict.textContent = report.passed ? `✓ ${t("passes")}` : `✗ ${t("fails")}`;
  ui.verdict.className = `verdict ${report.passed ? "pass" : "fail"}`;
  const bars = CATEGORIES.filter((c) => c in report.scores).map((category) => {
    const value = report.scores[category];
    const row = document.createElement("div");
    row.className = "bar";
    const name = document.createElement("span");
    name.className = "bar-name";
    name.id = `bar-${category}`;
    name.textContent = t(`category_${category}`);
    const track = document.createElement("div");
    track.className = "bar-track";
    track.setAttribute("role", "meter");
    track.setAttribute("aria-labelledby", name.id);
    track.setAttribute("aria-valuemin", "0");
    track.setAttribute("aria-valuemax", "100");
    track.setAttribute("aria-valuenow", String(value));
    const fill = document.createElement("div");
    fill.className = `bar-fill ${value >= 80 ? "good" : value >= 50 ? "fair" : "poor"}`;
    fill.style.width = `${value}%`;
    track.append(fill);
    const number = document.createElement("span");
    number.className = "bar-value";
    number.textContent = String(value);
    row.append(name, track, number);
    return row;
  });
  ui.bars.replaceChildren(...bars);
  ui.skipped.textContent = Object.entries(report.skipped || {})
    .map(([category, reason]) => t("skipped", { category: t(`category_${category}`), reason }))
    .join(" ");
  const count = report.suggestions.length;
  const verdict = report.passed ? t("passes").toLowerCase() : t("fails").toLowerCase();
  const summary = t(count === 1 ? "summaryOne" : "summary", { score: report.score, verdict, count });
  ui.summary.textContent = `${summary} ${t("checkedIn", { lang: t(`lang_${report.lang}`) })}`;
}

// ---------------------------------------------------------------- editing

/** After every edit: keep the marks that the edit did not touch, check again soon. */
function onInput() {
  autosize();
  const text = ui.reply.value;
  state.findings = shiftFindings(state.findings, state.text, text);
  state.text = text;
  if (state.popover) closePopover();
  renderFindings();
  scheduleCheck();
}

/** Replace a finding's text; through the editor's own undo where the browser allows. */
function apply(finding, replacement) {
  const value = ui.reply.value;
  if (value.slice(finding.from, finding.to) !== finding.match) {
    runCheck(); // the text moved on since this finding: check again
    return;
  }
  const place = focusPlace();
  ui.reply.focus({ preventScroll: true });
  ui.reply.setSelectionRange(finding.from, finding.to);
  // execCommand keeps Ctrl+Z working; it fires "input", which calls onInput.
  if (!document.execCommand("insertText", false, replacement)) {
    ui.reply.setRangeText(replacement, finding.from, finding.to, "end");
    onInput();
  }
  closePopover();
  if (place) restoreFocus(place);
  runCheck();
}

function showInText(finding) {
  ui.reply.focus({ preventScroll: true });
  ui.reply.setSelectionRange(finding.from, finding.to);
  markOf(ui.mirror, finding.index)?.scrollIntoView({ block: "nearest" });
  openPopover([finding.index], "caret");
}

function autosize() {
  ui.reply.style.height = "auto";
  const border = ui.reply.offsetHeight - ui.reply.clientHeight;
  ui.reply.style.height = `${ui.reply.scrollHeight + border}px`;
}

// ---------------------------------------------------------------- the popover

function openPopover(indexes, mode) {
  const chosen = state.findings.filter((f) => indexes.includes(f.index));
  if (chosen.length === 0) {
    closePopover();
    return;
  }
  ui.popoverBody.replaceChildren(...chosen.map((f) => describe(f, { inList: false })));
  ui.popover.hidden = false;
  state.popover = mode;
  state.active = chosen[0].index;
  setActive(ui.mirror, state.active);
  const mark = markOf(ui.mirror, chosen[0].index);
  const column = ui.popover.offsetParent || document.body;
  if (mark) {
    const at = mark.getBoundingClientRect();
    const base = column.getBoundingClientRect();
    const width = ui.popover.offsetWidth;
    const left = Math.max(0, Math.min(at.left - base.left, base.width - width));
    ui.popover.style.left = `${left}px`;
    ui.popover.style.top = `${at.bottom - base.top + 6}px`;
  }
}

function closePopover() {
  clearTimeout(state.hideTimer);
  ui.popover.hidden = true;
  state.popover = null;
  state.active = null;
  setActive(ui.mirror, null);
}

/** The caret is in the text: show the findings it sits in (click, tap, arrows). */
function popoverAtCaret() {
  const { selectionStart: start, selectionEnd: end } = ui.reply;
  if (start !== end) return;
  const under = state.findings.filter((f) => f.from <= start && start <= f.to && f.to > f.from);
  if (under.length) openPopover(under.map((f) => f.index), "caret");
  else if (state.popover) closePopover();
}

function onPointerMove(event) {
  if (state.popover === "caret") return;
  const { indexes } = findingsAtPoint(ui.mirror, event.clientX, event.clientY);
  if (indexes.length) {
    clearTimeout(state.hideTimer);
    if (state.popover !== "hover" || !indexes.includes(state.active)) {
      openPopover(indexes, "hover");
    }
  } else if (state.popover === "hover") {
    hideHoverSoon();
  }
}

function hideHoverSoon() {
  clearTimeout(state.hideTimer);
  state.hideTimer = setTimeout(() => {
    if (state.popover === "hover" && !ui.popover.matches(":hover, :focus-within")) closePopover();
  }, 300);
}

// ---------------------------------------------------------------- wiring

function setPageLanguage(lang) {
  applyLanguage(lang);
  for (const button of document.querySelectorAll("[data-page-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.pageLang === language()));
  }
  if (state.report) renderScores(state.report);
  renderFindings();
  if (ui.reply.value.trim()) runCheck(); // messages come in the page's language
  else showEmpty();
}

function start() {
  ui.reply.addEventListener("input", onInput);
  ui.reply.addEventListener("click", popoverAtCaret);
  ui.reply.addEventListener("keyup", (event) => {
    if (NAVIGATION_KEYS.has(event.key)) popoverAtCaret();
  });
  ui.reply.addEventListener("mousemove", onPointerMove);
  ui.reply.addEventListener("mouseleave", () => state.popover === "hover" && hideHoverSoon());
  ui.popover.addEventListener("mouseleave", () => state.popover === "hover" && hideHoverSoon());
  ui.popover.addEventListener("mouseenter", () => clearTimeout(state.hideTimer));
  for (const element of [ui.reply, ui.popover]) {
    element.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && state.popover) {
        closePopover();
        ui.reply.focus();
      }
    });
  }
  ui.popoverClose.addEventListener("click", () => {
    closePopover();
    ui.reply.focus();
  });
  ui.replyLang.addEventListener("change", runCheck);
  // A finding focused or pointed at in the list is outlined in the text.
  for (const [type, handler] of [
    ["focusin", (event) => event.target.closest("li.finding-item")],
    ["mouseover", (event) => event.target.closest("li.finding-item")],
  ]) {
    ui.findings.addEventListener(type, (event) => {
      const item = handler(event);
      if (item) setActive(ui.mirror, Number(item.dataset.index));
    });
  }
  ui.findings.addEventListener("mouseleave", () => setActive(ui.mirror, state.active));
  ui.findings.addEventListener("focusout", () => setActive(ui.mirror, state.active));
  ui.tokenForm.addEventListener("submit", (event) => {
    event.preventDefault();
    setToken(ui.tokenInput.value.trim());
    ui.tokenInput.value = "";
    ui.tokenForm.hidden = true;
    ui.reply.focus();
    runCheck();
  });
  for (const button of document.querySelectorAll("[data-page-lang]")) {
    button.addEventListener("click", () => setPageLanguage(button.dataset.pageLang));
  }
  window.addEventListener("resize", () => {
    autosize();
    if (state.popover) closePopover();
  });
  setPageLanguage(initialLanguage());
  autosize();
}

start();
