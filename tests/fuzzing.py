"""Strategies for hostile input, shared by tests/test_fuzz.py (a fixed, modest set of
examples) and benchmarks/fuzz.py (a long run with fresh examples)."""

from __future__ import annotations

from hypothesis import strategies as st

_NASTY = st.sampled_from(
    [
        "\u200b", "\u00ad", "\u202e", "\ufeff", "\x00", "\x1b[2J", "\r\n", "\u2028", "::error::",
        "{{", "}}", "{%", "%}", "<!--", "-->", "```", "<b ", "[[", "]]", "XXXX", "@", "#",
        "http://x.y/", "a@b.co", "İ", "ı", "ş", "😀", "\U0001d41a", "ｆ", "a" * 80, "!" * 70,
    ]
)  # fmt: skip
_WORDS = st.sampled_from(
    ["Hi", "Merhaba", "thanks", "teşekkürler", "ASAP", "FYI", "lol", "SHOUTING", "please",
     "refund", "iade", "order", "sipariş", "you", "sen", "can't", "yapamayız", ".", ",", "\n"]
)  # fmt: skip

REPLY_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_WORDS, _NASTY, st.text(max_size=6)), max_size=80).map(" ".join),
    st.lists(st.one_of(_WORDS, _NASTY), max_size=80).map("".join),
)

_CSV_ROWS = st.lists(
    st.lists(st.one_of(_WORDS, _NASTY, st.just('"'), st.text(max_size=8)), max_size=4).map(
        ",".join
    ),
    max_size=12,
).map(lambda rows: "id,body\n" + "\n".join(rows))
_JSON_TEXT = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
).map(lambda value: __import__("json").dumps(value))
_JSON_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
)
_ACTIONS = st.lists(st.dictionaries(st.sampled_from(["field", "value"]), _JSON_VALUE))
_RECORD = st.dictionaries(
    st.sampled_from(["id", "title", "actions", "content", "content_html", "text", "name"]),
    st.one_of(_JSON_VALUE, _ACTIONS),
    max_size=5,
)
#: Helpdesk exports with records of any shape (Zendesk, Freshdesk, Help Scout keys).
_EXPORT_TEXT = st.one_of(
    st.fixed_dictionaries({"macros": st.one_of(_JSON_VALUE, st.lists(_RECORD, max_size=4))}),
    st.fixed_dictionaries({"canned_responses": st.lists(_RECORD, max_size=4)}),
    st.fixed_dictionaries({"saved_replies": st.lists(_RECORD, max_size=4)}),
    st.lists(_RECORD, max_size=4),
).map(lambda value: __import__("json").dumps(value))
_YAML_TEXT = st.lists(
    st.one_of(
        _WORDS, _NASTY, st.sampled_from(["- ", ": ", "&a ", "*a", "---\n", "body: |\n  ", "  "])
    ),
    max_size=40,
).map("".join)
_TEMPLATE_TEXT = st.one_of(
    REPLY_TEXT,
    _CSV_ROWS,
    _JSON_TEXT,
    _EXPORT_TEXT,
    _YAML_TEXT,
    _YAML_TEXT.map(lambda t: "---\n" + t + "\n---\nBody text."),
)
#: (suffix, bytes) of a template file: text in any format under any suffix, or bytes.
TEMPLATE_FILE = (
    st.sampled_from([".txt", ".md", ".csv", ".json", ".yaml", ".yml"]),
    st.one_of(
        _TEMPLATE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.binary(max_size=300),
    ),
)

_TOML_PIECES = st.sampled_from(
    ["[tool]\n", "[tool.netiquette]\n", "tool = 5\n", "select = ['tone']\n", "fail-under = 80\n",
     "templates = ['/']\n", "languagetool_url = 'http://x'\n", "severity = { NQ101 = 'error' }\n",
     "ignore = 3\n", "a = [[[[\n", "= =\n", "'\n", "max-grade = 1e999\n", "lang = 'xx'\n"]
)  # fmt: skip
CONFIG_TEXT = st.one_of(
    st.text(max_size=200), st.lists(st.one_of(_TOML_PIECES, _WORDS), max_size=12).map("".join)
)
