from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from netiquette.core import Finding
from netiquette.engines.profanity import matcher_for
from netiquette.rule import Rule, RuleContext, register
from netiquette.text import nlp
from netiquette.text.acronyms import in_name, labels_code, named_in_parentheses
from netiquette.text.document import Document, Token
from netiquette.text.fold import fold, fold_acronym
from netiquette.text.names import in_product_name

_ROMAN = re.compile(r"M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
#: How far before "(ABC)" a long form may start, in characters.
#: Quotes that close a phrase glossed by the acronym after it.
_CLOSING_QUOTES = ('"', "”", "»", "'", "’")
_LONG_FORM_WINDOW = 120
_CLAUSE_END = re.compile(r"[.!?;:\n]")
#: A suffix after an apostrophe: "SLA'ya", "KDV’li", "L2'ye" (Turkish).
_SUFFIX = re.compile(r"['’][^\W\d_]+$")


def _long_form_start(letters: str, text: str) -> int:
    """Where the shortest tail of ``text`` that spells ``letters`` starts, or -1.

    The algorithm of Schwartz & Hearst (2003): match the letters of the short form
    right to left in the long form; the first letter must start a word.
    """
    i = len(text) - 1
    for k in range(len(letters) - 1, -1, -1):
        char = letters[k]
        while i >= 0 and not (text[i] == char and (k > 0 or i == 0 or not text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return -1
        i -= 1
    return i + 1


def _spelled_by(key: str, text: str) -> int:
    """Start of the long form of ``key`` at the end of ``text`` (digits of "2fa" may be
    written as words), or -1."""
    letters = "".join(c for c in key if c.isalnum())
    start = _long_form_start(letters, text)
    if start < 0 and any(c.isdigit() for c in letters):
        start = _long_form_start("".join(c for c in letters if not c.isdigit()), text)
    return start


@register
class UndefinedAcronym(Rule):
    """Flags acronyms that are not spelled out the first time they are used.

    ## What it does
    Finds words of 2 to 6 capital letters, possibly with digits ("SLA", "2FA", "GDPR",
    "SSIDs"; in Turkish also with a suffix after an apostrophe: "SLA'ya", "BDDK'nın"),
    and reports the first use of each one that the reply does not define.
    "ABC (full name)" defines ABC when the initials of the words plausibly spell it
    (the Schwartz & Hearst test), and so do "ABC (plain words)", "ABC stands for ..."
    and "plain words (ABC)": an acronym in parentheses right after two words that
    name it is being introduced, whatever their initials ("the returns authorisation
    number (RMA)", "Rezervasyon kodunuz (PNR)", "London Heathrow (LHR)"); after a
    number it is not ("within 24 hours (SLA)"). When the acronym is in the language
    data with a plain expansion, the fix is "plain words (ABC)".

    Also not flagged: an acronym that labels a code the customer holds, right before
    an identifier with digits ("SKU A-2291", "RMA-55812", "PNR: K7T2QX"): it is the
    name of a field on their receipt, label or ticket, printed next to the value, and
    it tells them which number to look for. The same acronym without a code ("your
    PNR was split") is still flagged. And an acronym inside a proper name, after two
    capitalised name words that do not start the sentence ("New York JFK", "Zorlu
    Center PSM"): the customer knows the place by that name. One name word is not
    enough ("Ayşe BTK'ya yazacak" is a person and an agency).

    Not flagged: acronyms everyone knows (PDF, FAQ, USB, OK, ID, URL: `everyday` in
    `acronyms.yaml`), names (DHL, IKEA), units (GB, MPH), currency codes (USD, TRY),
    weekdays, months and time zones, and words in `allow_words` (Turkish: TC, KDV,
    PTT, IBAN, EFT, TL, AVM, SGK, KVKK, ...); the pronoun "I" and
    other single letters; common words in capitals and runs of capitals ("DO NOT",
    "PLEASE NOTE THE DATE"), which are shouting (NQ101); a state or country code where
    a place is expected ("Austin, TX", "in NSW"); codes ("ABC-12345", "#A1B2",
    "XJ900", "SW1", "promo code GIFT", "RTX 3080"); a word after a number or a
    measurement ("16 GB", "4K HDR"); a label followed by the kind of thing it names
    ("a CSV file", "the DVI port"); roman numerals ("Part II", "Henry VIII"); a name
    after a greeting ("Hi JOHN"); the signature after a closing line ("Kind
    regards,") and an agent's initials ending a reply ("^MS", "*SR", "today. JD");
    in Turkish, a surname in capitals after a first name ("Elif SÜER"); code in
    backticks; and text the customer wrote (quoted lines), which
    also means an acronym the customer used is not flagged later. Acronyms that
    support-jargon (NQ302) or chat-speak (NQ303) flag with a better rewrite ("SLA",
    "ASAP") are left to those rules while they are selected.

    Words of 5 or 6 letters count only when they have no vowel, a digit or a known
    expansion, so "URGENT" is shouting but "HIPAA" is an acronym. A count before an
    acronym hides it ("3 SLAs"), and brand names in capitals that the data does not
    know ("ACME") are flagged: add them to `allow_words`.

    ## Why is this bad?
    An acronym the customer does not know turns an answer into a puzzle: they have to
    search for it or write back to ask. Spelling it out once costs a few words and
    lets the short form carry the rest of the reply.

    ## Example
    ```
    Please turn on 2FA and check that the SSID matches the one on your router.
    ```

    ## Use instead
    ```
    Please turn on two-factor authentication (2FA) and check that the
    SSID (the name of your Wi-Fi network) matches the one on your router.
    ```
    """

    id = "NQ301"
    name = "undefined-acronym"
    category = "jargon"
    severity = "warning"
    message = "Spell out '{match}' the first time: the customer may not know it."
    fix_title = "Spell it out once: 'plain words (ABC)'"
    data_file = "jargon.yaml"
    defers_to = ("support-jargon", "chat-speak")
    options = ("allow_words",)

    def __init__(self, context: RuleContext) -> None:
        super().__init__(context)
        lang = self.lang = context.lang
        acronyms = context.data("acronyms.yaml")
        config = self.rule_data

        def folded(items: Iterable[Any] | None) -> frozenset[str]:
            return frozenset(fold_acronym(str(item), lang) for item in items or ())

        # Stop words cannot be part of a name before an acronym either ("Your PNR").
        self.stop_words = folded(nlp.pipeline(lang).Defaults.stop_words)
        self.common = (
            folded(config.get("common_words"))
            | folded(config.get("other_rules_words"))
            | folded(context.data("shouting.yaml").get("shouted_words"))
            | self.stop_words
        )
        known = set(self.common)
        for key in ("everyday", "names", "units", "currencies", "calendar", "time_zones"):
            known |= folded(acronyms.get(key))
        known |= folded(context.settings.allow_words)
        # A swear word in capitals ("DAMN") is the profanity rules' to report, not an
        # acronym to spell out.
        known |= folded(matcher_for(lang).forms)
        # Acronyms that the rules it defers to flag with a better rewrite ("SLA", "ASAP").
        self.claimed = frozenset(
            fold_acronym(word, lang) for rule in context.deferred for word in rule.claimed_words()
        )
        known |= self.claimed
        self.known = frozenset(known)
        self.regions = folded(acronyms.get("regions"))
        self.expansions = {
            fold_acronym(str(k), lang): str(v)
            for k, v in (acronyms.get("expansions") or {}).items()
        }

        def words(items: Iterable[Any] | None) -> frozenset[str]:
            # Compared with token.folded, which keeps the Turkish dotless "ı" ("dosyası").
            return frozenset(fold(str(item), lang) for item in items or ())

        self.code_cues = words(config.get("code_cues"))
        self.name_cues = words(config.get("name_cues"))
        self.not_glosses = words(config.get("not_glosses"))
        self.numbering = words(config.get("numbering_words"))
        self.type_nouns = words(config.get("type_nouns"))
        self.region_cues = words(config.get("region_cues"))
        patterns = [str(p) for p in config.get("code_patterns", ())]
        self.code_pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
        self.product_words = folded(context.data("shouting.yaml").get("product_words"))
        self.vowels = frozenset(fold(str(config.get("vowels", "aeiouy")), lang))
        self.max_length = int(config.get("max_length", 6))
        # Turkish writes surnames in capitals ("Elif SÜER", "Ayşe YILMAZ").
        self.surnames_in_capitals = config.get("surnames_in_capitals") is True
        cues = "|".join(re.escape(fold(str(c), lang)) for c in config.get("definition_cues", ()))
        self.definition_cue = re.compile(rf"\s*(?:,\s*|\s-\s*|:\s*)?(?:{cues})\b") if cues else None

    # -- what counts as an acronym ---------------------------------------------------

    def _acronym(self, text: str) -> str | None:
        """The folded acronym a token spells ("SLAs" -> "sla"), or None."""
        if len(text) > 2 and text[-1] == "s" and text[:-1].isupper():
            text = text[:-1]
        if len(text) < 2 or not text.isupper():
            return None
        letters = digits = changes = 0
        previous_digit: bool | None = None
        for char in text:
            if char.isalpha():
                letters += 1
                is_digit = False
            elif char.isdigit():
                digits += 1
                is_digit = True
            elif char == "&":
                continue
            else:
                return None
            if previous_digit is not None and is_digit != previous_digit:
                changes += 1
            previous_digit = is_digit
        if letters < 2 or letters + digits > self.max_length or digits > 2 or changes > 2:
            return None  # a single letter, a long word, or a code such as A1B2 or XJ900
        if letters >= 3 and digits >= 2 and text[-2:].isdigit():
            return None  # a code: YAZ15, SAVE10
        key = fold_acronym(text, self.lang)
        if (
            letters >= 5
            and not digits
            and key not in self.expansions
            and any(c in self.vowels for c in key)
        ):
            return None  # "NEVER", "URGENT": a word in capitals, not an acronym
        return key

    def _is_wordy_caps(self, token: Token) -> bool:
        """A word in capitals that is shouting rather than an acronym."""
        text = token.text
        letters = sum(c.isalpha() for c in text)
        if letters < 2 or not text.isupper():
            return False
        key = self._acronym(text)
        return key is None or key in self.common

    # -- contexts where a capitalised token is not an acronym ---------------------------

    def _in_caps_run(self, tokens: Sequence[Token], j: int, text: str) -> bool:
        """Whether tokens[j] stands in a run of capitalised words that is shouting
        ("PLEASE NOTE", "DO NOT, UNDER ANY CIRCUMSTANCES, ...", "ACME SUPPORT")."""
        sentence = tokens[j].sentence
        for step in (-1, 1):
            here = tokens[j]
            k = j + step
            while 0 <= k < len(tokens) and tokens[k].sentence == sentence:
                other = tokens[k]
                left, right = (other, here) if step < 0 else (here, other)
                if "\n" in text[left.end : right.start] or other.text in ("(", ")", '"'):
                    break
                here = other
                k += step
                if other.is_punct:
                    continue
                if not other.text.isupper() or sum(c.isalpha() for c in other.text) < 2:
                    break
                if self._is_wordy_caps(other):
                    return True
        return False

    def _is_surname(self, tokens: Sequence[Token], j: int, key: str) -> bool:
        """A surname in capitals after a first name: "Elif SÜER" (where the language
        writes surnames so). It must be pronounceable: "Kararı BDDK'nın" is an acronym."""
        if not self.surnames_in_capitals or j == 0 or key in self.expansions:
            return False
        previous = tokens[j - 1]
        word = previous.text
        return (
            previous.sentence == tokens[j].sentence
            and len(word) >= 2
            and word.isalpha()
            and word[0].isupper()
            and word[1:].islower()
            and previous.folded not in self.common
            and any(c in self.vowels for c in key)
        )

    def _after_name_cue(self, tokens: Sequence[Token], j: int) -> bool:
        """A name in capitals after a greeting: "Hi JOHN", "Dear Ms SMITH"."""
        sentence = tokens[j].sentence
        for k in range(j - 1, max(-1, j - 5), -1):
            other = tokens[k]
            if other.sentence != sentence:
                return False
            if other.folded.rstrip(".") in self.name_cues:
                return True
            if other.text == ",":
                continue
            if other.is_punct or not other.text[:1].isupper():
                return False
        return False

    def _is_code_or_measure(self, doc: Document, tokens: Sequence[Token], j: int, key: str) -> bool:
        """Whether tokens[j] is a code, a unit, a label or a region rather than an acronym."""
        token = tokens[j]
        text = doc.text
        before = text[token.start - 1] if token.start else " "
        after = text[token.end] if token.end < len(text) else " "
        if before in "#@$/\\_" or after in "/\\_@":
            return True  # "#A1B2", "@ACME", "L2/L3"
        if before == "-" and token.start > 1 and text[token.start - 2].isalnum():
            return True
        if after == "-" and token.end + 1 < len(text):
            following = text[token.end + 1]
            if following.isdigit() or following.isupper():
                return True  # "ABC-12345" split by the tokenizer
        if self.code_pattern is not None and self.code_pattern.fullmatch(token.text):
            return True  # "SW1", "A4"
        previous = tokens[j - 1] if j and tokens[j - 1].sentence == token.sentence else None
        following_token = tokens[j + 1] if j + 1 < len(tokens) else None
        if previous is not None and not previous.is_punct:
            word_before = text[max(0, token.start - 24) : token.start].split()
            if word_before and (
                any(c.isdigit() for c in word_before[-1])
                or (self.code_pattern is not None and self.code_pattern.fullmatch(previous.text))
            ):
                return True  # "16 GB", "4K HDR", "NW1 6XE"
        if following_token is not None:
            if following_token.text[:1].isdigit():
                return True  # "RTX 3080", "USD 20", "CA 94105"
            if following_token.folded in self.type_nouns:
                return True  # "a CSV file", "the DVI port": the noun says what it is
        for k in range(j - 1, max(-1, j - 3), -1):
            other = tokens[k]
            if other.folded in self.code_cues:
                return True  # "promo code GIFT", "ref: XKCD"
            if not other.is_punct:
                break
        if key in self.regions and previous is not None and self._region_context(tokens, j):
            return True
        if _ROMAN.fullmatch(token.text):
            line_start = text.rfind("\n", 0, token.start) + 1
            if not text[line_start : token.start].strip():
                return True  # "II. Returns"
            if (
                previous is not None
                and previous.text[:1].isupper()
                and not previous.is_punct
                and (previous.folded in self.numbering or previous.folded not in self.common)
            ):
                return True  # "Part II", "Henry VIII" (but not "The CLI")
        line_start = text.rfind("\n", 0, token.start) + 1
        return text.count("`", line_start, token.start) % 2 == 1  # `CODE`

    def _region_context(self, tokens: Sequence[Token], j: int) -> bool:
        """A state or country code where a place is expected: "Austin, TX", "in NSW",
        "NSW and VIC"."""
        previous = tokens[j - 1]
        if previous.folded in self.region_cues:
            return True
        if previous.text == "," and j >= 2:
            name = tokens[j - 2]
            if name.text[:1].isupper() and not name.is_punct:
                return True
        if previous.folded in ("and", "or", ",", "&", "/") and j >= 2:
            return tokens[j - 2].folded in self.regions
        return False

    # -- definitions -------------------------------------------------------------------

    def _defined_here(self, doc: Document, token: Token, key: str) -> bool:
        folded = doc.folded
        size = len(key)
        rest = folded[token.end : token.end + _LONG_FORM_WINDOW]
        stripped = rest.lstrip(" \t")
        if stripped.startswith("("):
            close = stripped.find(")")
            gloss = stripped[1:close] if close > 0 else ""
            if gloss and "\n" not in gloss:
                words = gloss.split()
                if _spelled_by(key, gloss) >= 0 and len(words) <= 2 * size + 3:
                    return True
                if (
                    len(words) >= 2
                    and words[0] not in self.not_glosses
                    and not any(c.isdigit() for c in gloss)
                ):
                    return True  # "the SSID (your Wi-Fi network name)"
        if self.definition_cue is not None and self.definition_cue.match(rest):
            return True
        head = folded[max(0, token.start - _LONG_FORM_WINDOW) : token.start].rstrip(" \t")
        if head.endswith("(") and stripped.startswith(")"):
            head = head[:-1]
            if head.rstrip().endswith(_CLOSING_QUOTES):
                return True  # a name in quotes, in any language: '"Müşterini Tanı" (KYC)'
            cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
            head = head[cut:]
            start = _spelled_by(key, head)
            if start >= 0 and len(head[start:].split()) <= min(size + 5, 2 * size):
                return True
        return False

    def _replacement(self, doc: Document, token: Token, key: str, text: str) -> tuple[str, ...]:
        expansion = self.expansions.get(key)
        if expansion is None:
            return ()
        if text[-1] == "s" and fold_acronym(text, self.lang) != key:
            expansion += "s"
        if doc.sentence_begins_at(token.start):
            expansion = expansion[:1].upper() + expansion[1:]
        return (f"{expansion} ({text})",)

    def check(self, doc: Document) -> Iterator[Finding]:
        tokens = doc.tokens
        prose = doc.prose_text
        seen: set[str] = set()
        signature = -1  # where the signature starts: looked up at the first candidate
        for j, token in enumerate(tokens):
            text = token.text
            if len(text) < 2 or not (text[1].isupper() or text[1].isdigit() or text[1] == "&"):
                continue
            end = token.end
            suffix = _SUFFIX.search(text)
            if suffix is not None:
                # Turkish writes suffixes after an apostrophe: "SLA'ya", "KDV'li".
                text = text[: suffix.start()]
                end = token.start + len(text)
            key = self._acronym(text)
            if key is None or key in seen:
                continue
            if prose[token.start] != text[0]:
                seen.add(key)  # quoted from the customer: they know it
                continue
            if key in self.known:
                continue
            if signature < 0:
                signature = doc.sign_off.start if doc.sign_off is not None else len(doc.text)
                if doc.initials is not None:
                    signature = min(signature, doc.initials.start)
            if token.start >= signature:
                break  # the signature after the sign-off: names, job titles, teams
            if self._defined_here(doc, token, key) or named_in_parentheses(
                doc.text, token.start, end
            ):
                # Defined, whatever the context ("account number (IBAN)"): later
                # mentions are known.
                seen.add(key)
                continue
            if (
                self._is_code_or_measure(doc, tokens, j, key)
                or self._after_name_cue(tokens, j)
                or self._is_surname(tokens, j, key)
                or self._in_caps_run(tokens, j, doc.text)
                or in_product_name(tokens, j, self.product_words)
                or labels_code(doc.text, end)
                or in_name(tokens, j, self.stop_words)
            ):
                continue
            seen.add(key)
            yield Finding(token.start, end, replacements=self._replacement(doc, token, key, text))
