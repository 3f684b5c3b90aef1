"""The archive report as one self-contained HTML page: the figures of
:mod:`netiquette.archive.report_data` in tables, and two Plotly charts whose plotly.js
is embedded once, so that the file opens anywhere without a network.

Every text that comes from the results (replies, group values, weeks, rule names,
messages) is HTML-escaped here; in chart labels too, where Plotly reads a little HTML.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from netiquette.archive.report_data import Figures, Finding, GroupRow, RuleCount, WorstReply
from netiquette.core import CATEGORIES, SEVERITIES

#: Longer replies are shown up to here (their findings beyond it are listed only).
SHOWN_CHARS = 5_000
#: Rules in the bar chart (the table lists all that found something).
CHART_RULES = 15
#: Rows of a group table (the worst ones).
GROUP_ROWS = 50
#: The colours of the page of netiquette serve (service/static/page.css), one a line.
COLOURS = {
    "overall": "#1d2330",
    "tone": "#1f5fa8",
    "profanity": "#b3261e",
    "jargon": "#8a5a00",
    "readability": "#2e7d32",
    "boilerplate": "#6a3d9a",
    "grammar": "#00838f",
}
#: The severity a highlighted span shows when findings of several overlap.
_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}
#: Nothing is loaded from anywhere: scripts and styles are inline, images data: URLs.
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; "
    "style-src 'unsafe-inline'; img-src data:; font-src data:"
)

CSS = """
:root {
  --text: #1d2330; --muted: #5b6475; --line: #c9cfda; --surface: #ffffff; --page: #f4f6f9;
  --focus: #1a5fd0; --error: #b3261e; --error-bg: #fbe3e1; --warning: #8a5a00;
  --warning-bg: #fff0c2; --info: #1f5fa8; --info-bg: #e1ecfb; --good: #2e7d32;
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--text); background: var(--page);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
.muted, .note { color: var(--muted); }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
  gap: 0.75rem; padding: 0; margin: 1rem 0 0; list-style: none; }
.headline li { background: var(--surface); border: 1px solid var(--line); border-radius: 8px;
  padding: 0.75rem 1rem; }
.headline .value { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.2;
  font-variant-numeric: tabular-nums; }
.headline .label { color: var(--muted); font-size: 0.85rem; }
figure.chart { margin: 0.5rem 0; background: var(--surface); border: 1px solid var(--line);
  border-radius: 8px; padding: 0.5rem; }
figure.chart figcaption { color: var(--muted); font-size: 0.85rem; padding: 0 0.5rem; }
table { border-collapse: collapse; width: 100%; background: var(--surface); margin: 0.5rem 0;
  font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left;
  vertical-align: top; }
th { background: #e9edf3; }
td.num, th.num { text-align: right; }
.rule-id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
details { margin: 0.5rem 0; }
article.reply { background: var(--surface); border: 1px solid var(--line);
  border-left: 4px solid var(--error); border-radius: 8px; padding: 0.6rem 1rem;
  margin: 0.75rem 0; }
article.reply h3 { margin: 0 0 0.25rem; }
.reply-meta { color: var(--muted); font-size: 0.85rem; margin: 0 0 0.5rem; }
.reply-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 0.5rem;
  padding: 0.5rem 0.75rem; border: 1px solid var(--line); border-radius: 6px; }
mark { border-radius: 2px; text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 3px; color: inherit; }
mark.sev-error { background: var(--error-bg); text-decoration-color: var(--error); }
mark.sev-warning { background: var(--warning-bg); text-decoration-color: var(--warning); }
mark.sev-info { background: var(--info-bg); text-decoration-color: var(--info);
  text-decoration-style: dotted; }
ul.findings { margin: 0; padding-left: 1.25rem; }
.badge { font-weight: 700; text-transform: uppercase; font-size: 0.7rem; padding: 0 0.35rem;
  border-radius: 4px; }
.badge.sev-error { background: var(--error-bg); color: var(--error); }
.badge.sev-warning { background: var(--warning-bg); color: var(--warning); }
.badge.sev-info { background: var(--info-bg); color: var(--info); }
footer { max-width: 72rem; margin: 2rem auto; padding: 0 1.5rem; color: var(--muted);
  font-size: 0.85rem; }
@media print {
  body { background: #fff; font-size: 11pt; }
  figure.chart, article.reply, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def render(figures: Figures, title: str, source: str) -> str:
    """The page: headline figures, the weekly chart, the rules, the groups, the worst."""
    charts = _Charts()
    body = "\n".join(
        [
            _headline(figures),
            _weekly_section(figures, charts),
            _rules_section(figures.rules, figures.replies, charts),
            *(_group_section(name, rows, figures.rules) for name, rows in figures.groups),
            _worst_section(figures.worst),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="netiquette">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{_e(title)}</h1>
<p class="muted">The results of <code>netiquette archive</code> in {_e(source)}.</p>
</header>
<main>
{body}
</main>
<footer>Made by netiquette. Scores are 0–100 (higher is better); a reply passes when it
could be checked and its score reached the gate.</footer>
</body>
</html>
"""


class _Charts:
    """Plotly figures as HTML; the first one carries plotly.js, the others reuse it."""

    def __init__(self) -> None:
        self.count = 0

    def html(self, figure: Any, label: str) -> str:
        import plotly.io as pio

        self.count += 1
        drawn = pio.to_html(
            figure,
            full_html=False,
            include_plotlyjs=self.count == 1,
            include_mathjax=False,
            div_id=f"chart-{self.count}",
            default_width="100%",
            config={"displaylogo": False, "responsive": True, "displayModeBar": False},
        )
        return f'<div class="plot" role="img" aria-label="{_e(label)}">{drawn}</div>'


def _layout(height: int) -> dict[str, Any]:
    return {
        "template": "plotly_white",
        "height": height,
        "margin": {"l": 60, "r": 20, "t": 20, "b": 50},
        "font": {"family": "system-ui, sans-serif", "size": 13, "color": COLOURS["overall"]},
        "legend": {"orientation": "h", "y": -0.2},
        "hovermode": "x unified",
    }


def _headline(figures: Figures) -> str:
    items = [
        (f"{figures.replies:,}", "replies"),
        (_percent(figures.passed, figures.replies), "passed the gate"),
        (_number(figures.mean_score), "mean score"),
        (f"{figures.errors:,}", "replies that could not be checked"),
    ]
    cards = "".join(
        f'<li><span class="value">{_e(v)}</span><span class="label">{_e(k)}</span></li>'
        for v, k in items
    )
    return (
        '<section aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>'
        f'<ul class="headline">{cards}</ul></section>'
    )


def _weekly_section(figures: Figures, charts: _Charts) -> str:
    weekly = figures.weekly
    heading = '<section aria-labelledby="h-weekly"><h2 id="h-weekly">Scores by week</h2>'
    missing = (
        f'<p class="note">{figures.without_week:,} replies had no time and are left out.</p>'
        if figures.without_week
        else ""
    )
    if not weekly.weeks:
        return f'{heading}<p class="note">No reply had a time, so there is no week.</p></section>'
    import plotly.graph_objects as go

    figure = go.Figure()
    labels = [_e(week) for week in weekly.weeks]
    for name in ("overall", *CATEGORIES):
        values = weekly.means[name]
        if all(v is None for v in values):
            continue
        figure.add_trace(
            go.Scatter(
                x=labels,
                y=values,
                name=name,
                mode="lines+markers",
                line={"color": COLOURS[name], "width": 4 if name == "overall" else 2},
                hovertemplate="%{y:.1f}",
            )
        )
    figure.update_layout(**_layout(380))
    figure.update_yaxes(title_text="mean score", range=[0, 102])
    figure.update_xaxes(type="category", title_text="ISO week")
    label = (
        f"Line chart of the mean score, overall and per category, in each of "
        f"{len(weekly.weeks)} weeks from {weekly.weeks[0]} to {weekly.weeks[-1]}; "
        "the same numbers are in the table below it."
    )
    head = "".join(f'<th scope="col" class="num">{_e(c)}</th>' for c in ("overall", *CATEGORIES))
    rows = "".join(
        f'<tr><th scope="row">{_e(week)}</th><td class="num">{weekly.replies[i]:,}</td>'
        + "".join(
            f'<td class="num">{_number(weekly.means[c][i])}</td>' for c in ("overall", *CATEGORIES)
        )
        + "</tr>"
        for i, week in enumerate(weekly.weeks)
    )
    table = (
        "<details><summary>The numbers as a table</summary><table>"
        "<caption>Mean score per week and category</caption>"
        f'<thead><tr><th scope="col">week</th><th scope="col" class="num">replies</th>{head}'
        f"</tr></thead><tbody>{rows}</tbody></table></details>"
    )
    chart = charts.html(figure, label)
    caption = "Mean score per ISO week: overall (thick) and per category."
    return (
        f'{heading}<figure class="chart">{chart}<figcaption>{caption}</figcaption></figure>'
        f"{missing}{table}</section>"
    )


def _rules_section(rules: Sequence[RuleCount], replies: int, charts: _Charts) -> str:
    heading = '<section aria-labelledby="h-rules"><h2 id="h-rules">Top rules</h2>'
    if not rules:
        return f'{heading}<p class="note">No rule found anything.</p></section>'
    import plotly.graph_objects as go

    top = rules[:CHART_RULES]
    labels = [_e(f"{rule.rule_id} {rule.name}") for rule in top]
    figure = go.Figure()
    shown = {rule.category for rule in top}
    for category in [c for c in CATEGORIES if c in shown] + sorted(shown - set(CATEGORIES)):
        mine = [i for i, rule in enumerate(top) if rule.category == category]
        figure.add_trace(
            go.Bar(
                x=[top[i].findings for i in mine],
                y=[labels[i] for i in mine],
                name=_e(category or "unknown"),
                orientation="h",
                marker_color=COLOURS.get(category, "#5b6475"),
                hovertemplate="%{x:,} findings<extra></extra>",
            )
        )
    height = 110 + 28 * len(top)
    figure.update_layout(**{**_layout(height), "hovermode": "closest", "barmode": "stack"})
    figure.update_layout(margin={"l": 220, "r": 20, "t": 10, "b": 40})
    figure.update_layout(
        legend={"orientation": "h", "y": -40 / height - 0.1, "traceorder": "normal"}
    )
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=labels)
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title_text="findings")
    label = (
        f"Bar chart of the {len(top)} rules with the most findings; "
        f"the first is {top[0].rule_id} {top[0].name} with {top[0].findings:,}."
    )
    rows = "".join(
        f'<tr><td class="rule-id">{_e(r.rule_id)}</td><td>{_e(r.name)}</td>'
        f'<td>{_e(r.category)}</td><td class="num">{r.findings:,}</td>'
        f'<td class="num">{r.replies:,}</td>'
        f'<td class="num">{_percent(r.replies, replies)}</td></tr>'
        for r in rules
    )
    table = (
        "<table><caption>Every rule that found something, most findings first</caption>"
        '<thead><tr><th scope="col">rule</th><th scope="col">name</th>'
        '<th scope="col">category</th><th scope="col" class="num">findings</th>'
        '<th scope="col" class="num">replies</th>'
        '<th scope="col" class="num">share of replies</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    chart = charts.html(figure, label)
    caption = "Findings per rule, coloured by category (the colours of the chart above)."
    return (
        f'{heading}<figure class="chart">{chart}<figcaption>{caption}</figcaption></figure>'
        f"{table}</section>"
    )


def _group_section(name: str, rows: Sequence[GroupRow], rules: Sequence[RuleCount]) -> str:
    anchor = "h-group-" + "".join(c if c.isalnum() else "-" for c in name)
    names = {rule.rule_id: rule.name for rule in rules}
    shown = rows[:GROUP_ROWS]
    more = (
        f'<p class="note">The {len(shown)} worst of {len(rows):,} are shown.</p>'
        if len(rows) > len(shown)
        else ""
    )

    def top(row: GroupRow) -> str:
        if row.top_rule is None:
            return "–"
        rule_name = names.get(row.top_rule, "")
        return (
            f'<span class="rule-id">{_e(row.top_rule)}</span> {_e(rule_name)} '
            f"({row.top_rule_findings:,})"
        )

    body = "".join(
        f'<tr><th scope="row">{_e(row.value) if row.value is not None else "<em>(none)</em>"}'
        f'</th><td class="num">{row.replies:,}</td><td class="num">{_number(row.mean_score)}'
        f'</td><td class="num">{_percent(row.passed, row.replies)}</td><td>{top(row)}</td></tr>'
        for row in shown
    )
    return (
        f'<section aria-labelledby="{_e(anchor)}"><h2 id="{_e(anchor)}">By {_e(name)}</h2>'
        f"<table><caption>Each {_e(name)}, lowest mean score first</caption>"
        f'<thead><tr><th scope="col">{_e(name)}</th><th scope="col" class="num">replies</th>'
        '<th scope="col" class="num">mean score</th><th scope="col" class="num">passed</th>'
        '<th scope="col">top rule (findings)</th></tr></thead>'
        f"<tbody>{body}</tbody></table>{more}</section>"
    )


def highlight(text: str, findings: Sequence[Finding]) -> str:
    """``text`` escaped, with each finding's span in a <mark> whose title is its message
    (where spans overlap, one mark per piece, titled with every finding on it)."""
    shown = text[:SHOWN_CHARS]
    spans = [f for f in findings if 0 <= f.start < f.end <= len(shown)]
    bounds = sorted({0, len(shown), *(f.start for f in spans), *(f.end for f in spans)})
    out: list[str] = []
    for start, end in pairwise(bounds):
        piece = _e(shown[start:end])
        covering = [f for f in spans if f.start <= start and end <= f.end]
        if not covering:
            out.append(piece)
            continue
        severity = max((f.severity for f in covering), key=lambda s: _RANK.get(s, 0))
        title = "\n".join(f"{f.rule_id} {f.name}: {f.message}" for f in covering)
        rules = " ".join(dict.fromkeys(f.rule_id for f in covering))
        out.append(
            f'<mark class="sev-{_e(severity)}" title="{_e(title)}" data-rules="{_e(rules)}">'
            f"{piece}</mark>"
        )
    if len(text) > len(shown):
        out.append(f'<span class="muted">… ({len(text) - len(shown):,} more characters)</span>')
    return "".join(out)


def _worst_section(worst: Sequence[WorstReply]) -> str:
    heading = (
        '<section aria-labelledby="h-worst"><h2 id="h-worst">The worst replies</h2>'
        f'<p class="note">The {len(worst)} lowest scores; each finding is marked in the text '
        "(hover a mark for its message) and listed below it.</p>"
    )
    if not worst:
        return f'{heading}<p class="note">No reply could be checked.</p></section>'
    articles = []
    for rank, reply in enumerate(worst, 1):
        meta = [f"row {reply.row}"]
        if reply.id is not None:
            meta.append(f"id {reply.id}")
        meta += [f"{name} {value}" for name, value in reply.groups if value is not None]
        if reply.week is not None:
            meta.append(f"week {reply.week}")
        if reply.lang:
            meta.append(f"language {reply.lang}")
        items = "".join(
            f'<li><span class="badge sev-{_e(f.severity)}">{_e(f.severity)}</span> '
            f'<span class="rule-id">{_e(f.rule_id)}</span> {_e(f.name)}: '
            f"<q>{_e(f.match)}</q> {_e(f.message)}</li>"
            for f in reply.findings
        )
        findings = f'<ul class="findings">{items}</ul>' if items else ""
        articles.append(
            f'<article class="reply" aria-labelledby="worst-{rank}">'
            f'<h3 id="worst-{rank}">{rank}. Score {reply.score}</h3>'
            f'<p class="reply-meta">{_e(" · ".join(meta))}</p>'
            f'<p class="reply-text">{highlight(reply.text, reply.findings)}</p>{findings}'
            "</article>"
        )
    return heading + "".join(articles) + "</section>"
