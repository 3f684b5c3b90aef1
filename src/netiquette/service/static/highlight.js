// Findings as marks in a mirror of the textarea.
//
// The textarea stays the editor (so the caret, selection, undo and IME behave as in
// any text field); a <div> behind it holds the same text with the same font and
// wrapping, and paints <mark> elements under the findings. The mirror's text is
// transparent: only the marks' backgrounds and underlines show through.
//
// Offsets: the service counts code points (Python str indexes), JavaScript strings
// count UTF-16 units. An emoji outside the Basic Multilingual Plane is one code point
// but two units, so every span is converted before it touches the textarea.

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };

/** table[i] is the UTF-16 index of code point i of `text`; table[n] is text.length. */
export function codePointTable(text) {
  const table = [];
  let unit = 0;
  for (const character of text) {
    table.push(unit);
    unit += character.length;
  }
  table.push(unit);
  return table;
}

/**
 * The report's suggestions as findings the page works with: the suggestion plus
 * `from`/`to` in UTF-16 units of report.text and its index in the report.
 */
export function findingsOf(report) {
  const table = codePointTable(report.text);
  const last = table.length - 1;
  return report.suggestions.map((suggestion, index) => ({
    ...suggestion,
    index,
    from: table[Math.min(suggestion.start, last)],
    to: table[Math.min(suggestion.end, last)],
  }));
}

/** Where `before` became `after`: the changed range in both (common prefix/suffix). */
export function diff(before, after) {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  return { start, endBefore, endAfter };
}

/**
 * The findings still valid after an edit from `before` to `after`: those before the
 * edit stay, those after it move with the text, those it touched or borders are
 * dropped (a word typed onto is another word; the next check finds them again if
 * they are still there).
 */
export function shiftFindings(findings, before, after) {
  const { start, endBefore, endAfter } = diff(before, after);
  const delta = endAfter - endBefore;
  const kept = [];
  for (const finding of findings) {
    if (finding.to < start) {
      kept.push(finding);
    } else if (finding.from > endBefore) {
      kept.push({ ...finding, from: finding.from + delta, to: finding.to + delta });
    }
  }
  return kept;
}

/** The text cut at every finding's edge: [{from, to, covering: [finding, ...]}]. */
export function segments(text, findings) {
  const cuts = new Set([0, text.length]);
  for (const finding of findings) {
    if (finding.to > finding.from) {
      cuts.add(finding.from);
      cuts.add(finding.to);
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const from = sorted[i];
    const to = sorted[i + 1];
    const covering = findings.filter((f) => f.from <= from && f.to >= to && f.to > f.from);
    result.push({ from, to, covering });
  }
  return result;
}

function worst(findings) {
  return findings.reduce(
    (best, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[best] ? f.severity : best),
    "info",
  );
}

/**
 * Fill `mirror` with `text` and a <mark> for every stretch under findings. A stretch
 * under several findings (they may overlap) is one mark that names them all in
 * data-findings; its colour is the worst severity. Text nodes only: the reply is
 * never parsed as HTML.
 */
export function renderMirror(mirror, text, findings, active = null) {
  const fragment = document.createDocumentFragment();
  for (const segment of segments(text, findings)) {
    const slice = text.slice(segment.from, segment.to);
    if (segment.covering.length === 0) {
      fragment.append(document.createTextNode(slice));
      continue;
    }
    const mark = document.createElement("mark");
    mark.className = `nq-mark sev-${worst(segment.covering)}`;
    mark.dataset.findings = segment.covering.map((f) => f.index).join(" ");
    mark.dataset.rules = segment.covering.map((f) => f.rule_id).join(" ");
    if (active !== null && segment.covering.some((f) => f.index === active)) {
      mark.classList.add("active");
    }
    mark.textContent = slice;
    fragment.append(mark);
  }
  // A final newline needs something after it to give the last line its height.
  fragment.append(document.createTextNode(text.endsWith("\n") ? " " : "\u200b"));
  mirror.replaceChildren(fragment);
}

/** Mark `index` as the active finding (outlined), without rebuilding the mirror. */
export function setActive(mirror, index) {
  for (const mark of mirror.querySelectorAll("mark.nq-mark")) {
    const indexes = mark.dataset.findings.split(" ").map(Number);
    mark.classList.toggle("active", index !== null && indexes.includes(index));
  }
}

/** The finding indexes under the point (x, y) in viewport pixels, or []. */
export function findingsAtPoint(mirror, x, y) {
  for (const mark of mirror.querySelectorAll("mark.nq-mark")) {
    for (const rect of mark.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) {
        return { indexes: mark.dataset.findings.split(" ").map(Number), mark };
      }
    }
  }
  return { indexes: [], mark: null };
}

/** The first mark of finding `index` (to place a popup beside it). */
export function markOf(mirror, index) {
  for (const mark of mirror.querySelectorAll("mark.nq-mark")) {
    if (mark.dataset.findings.split(" ").map(Number).includes(index)) return mark;
  }
  return null;
}
