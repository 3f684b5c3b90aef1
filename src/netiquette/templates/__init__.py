"""Templates: the team's canned responses, read, matched and audited.

- :mod:`~netiquette.templates.formats`: the file formats (text and Markdown with front
  matter, CSV, Zendesk, Freshdesk and Help Scout exports) and the one list of suffixes;
- :mod:`~netiquette.templates.reading`: files, folders, texts and mappings into records,
  with the one decoder and the one check of duplicate ids;
- :mod:`~netiquette.templates.words`: text in matching form and the one word
  encoder;
- :mod:`~netiquette.templates.matching`: :class:`TemplateSet` and its near-copy
  measure;
- :mod:`~netiquette.templates.index`: the inverted index of large sets;
- :mod:`~netiquette.templates.loading`: :func:`load`, the one loader (the API's
  ``Linter(templates=...)`` and the CLI's ``--templates``), with the index cache;
- :mod:`~netiquette.templates.audit`: ``netiquette templates audit``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netiquette.templates.formats import (
        FORMATS,
        TEXT_SUFFIXES,
        TemplateFileError,
        TemplateRecord,
    )
    from netiquette.templates.index import TemplateIndex
    from netiquette.templates.loading import load
    from netiquette.templates.matching import Template, TemplateMatch, TemplateSet
    from netiquette.templates.reading import TemplateSources, TemplateWarning, read_sources
    from netiquette.templates.words import Normalized, normalize

#: Where each public name lives. They are imported on first use, so that reading a
#: format name (the CLI's --help, config checks) does not load rapidfuzz and numpy.
_HOMES = {
    "FORMATS": "formats",
    "TEXT_SUFFIXES": "formats",
    "TemplateFileError": "formats",
    "TemplateRecord": "formats",
    "TemplateIndex": "index",
    "load": "loading",
    "Template": "matching",
    "TemplateMatch": "matching",
    "TemplateSet": "matching",
    "Normalized": "words",
    "normalize": "words",
    "TemplateSources": "reading",
    "TemplateWarning": "reading",
    "read_sources": "reading",
}

__all__ = [
    "FORMATS",
    "TEXT_SUFFIXES",
    "Normalized",
    "Template",
    "TemplateFileError",
    "TemplateIndex",
    "TemplateMatch",
    "TemplateRecord",
    "TemplateSet",
    "TemplateSources",
    "TemplateWarning",
    "load",
    "normalize",
    "read_sources",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'netiquette.templates' has no attribute {name!r}")
    return getattr(importlib.import_module(f"netiquette.templates.{home}"), name)
