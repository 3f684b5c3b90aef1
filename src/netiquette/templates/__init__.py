"""Templates: the team's canned responses, read, matched and audited.

- :mod:`~netiquette.templates.formats`: the file formats (text and Markdown with front
  matter, CSV, Zendesk, Freshdesk and Help Scout exports) and the one list of suffixes;
- :mod:`~netiquette.templates.reading`: files, folders, texts and mappings into records,
  with the one decoder and the one check of duplicate ids;
- :mod:`~netiquette.templates.normalize`: text in matching form and the one word
  encoder;
- :mod:`~netiquette.templates.matching`: :class:`TemplateSet` and its near-copy
  measure;
- :mod:`~netiquette.templates.index`: the inverted index of large sets;
- :mod:`~netiquette.templates.loading`: :func:`load`, the one loader (the API's
  ``Linter(templates=...)`` and the CLI's ``--templates``), with the index cache;
- :mod:`~netiquette.templates.audit`: ``netiquette templates audit``.
"""

from __future__ import annotations

from netiquette.templates.formats import (
    FORMATS,
    TEXT_SUFFIXES,
    TemplateFileError,
    TemplateRecord,
)
from netiquette.templates.index import TemplateIndex
from netiquette.templates.loading import load
from netiquette.templates.matching import Template, TemplateMatch, TemplateSet
from netiquette.templates.normalize import Normalized, normalize
from netiquette.templates.reading import TemplateSources, TemplateWarning, read_sources

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
