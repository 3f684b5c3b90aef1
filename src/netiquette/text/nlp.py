"""One cached spaCy pipeline per language: a blank tokenizer plus the sentencizer.

spaCy takes about half a second to import, so it is imported here, on first use, and
never at ``import netiquette``. No statistical model is needed or loaded, and the
Turkish lookup lemmatizer (5-9 s, ~620 MiB) is never initialised.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_pipelines: dict[str, Language] = {}
_locks: dict[str, threading.Lock] = {}
_registry_lock = threading.Lock()


def pipeline(lang: str) -> Language:
    """The shared blank pipeline (tokenizer + sentencizer) for ``lang``."""
    with _registry_lock:
        nlp = _pipelines.get(lang)
        if nlp is None:
            import spacy

            from netiquette.lang import get

            nlp = spacy.blank(get(lang).spacy)
            nlp.add_pipe("sentencizer")
            _pipelines[lang] = nlp
            _locks[lang] = threading.Lock()
        return nlp


def parse(text: str, lang: str) -> Doc:
    """Tokenise ``text`` and split it into sentences.

    The tokenizer caches and the string store grow as they meet new words, so calls
    for one language are serialised; a short reply takes tens of microseconds.
    """
    nlp = pipeline(lang)
    with _locks[lang]:
        doc: Any = nlp(text)
    return doc  # type: ignore[no-any-return]
