"""The one loader of templates, for the API and the CLI alike.

``load(sources, lang=..., format=..., index=..., on_error=...)`` reads the templates
(:mod:`netiquette.templates.reading`), builds the :class:`TemplateSet` and, given an
index file (the ``templates_index`` setting), takes the set's words and index from it
when it fits these templates (:mod:`netiquette.templates.cache`), or builds them and
writes them there when the file is missing or holds a stale or older index; a file
that is not a netiquette index is left alone.
What it had to say about the index is in ``TemplateSet.notes``; files and records it
skipped with ``on_error="collect"`` in ``TemplateSet.problems``.
"""

from __future__ import annotations

import os
from pathlib import Path

from netiquette.core import TemplateError
from netiquette.lang import check_language
from netiquette.templates import cache
from netiquette.templates.arrayfile import written_here
from netiquette.templates.formats import TemplateRecord
from netiquette.templates.matching import TemplateSet, encode_records
from netiquette.templates.reading import TemplateSources, read_sources
from netiquette.templates.words import WordCodes


def load(
    sources: TemplateSources | TemplateSet,
    *,
    lang: str = "en",
    format: str = "auto",
    index: str | os.PathLike[str] | None = None,
    on_error: str = "raise",
    follow_symlinks: bool = False,
) -> TemplateSet:
    """Templates from paths, folders, texts or a mapping, matched in ``lang``.

    ``format`` is how files given by path are read (``auto`` goes by the name and
    content). With ``on_error="raise"`` the first bad file or record raises
    :class:`TemplateError`; with ``"collect"`` it is skipped, the rest still loads and
    the errors are listed in ``problems``. ``index`` names a file caching the index.
    Symbolic links in folders that lead out of them are skipped (with a
    :class:`TemplateWarning`) unless ``follow_symlinks``.
    A TemplateSet given as ``sources`` is returned as it is.
    """
    if isinstance(sources, TemplateSet):
        return sources
    lang = check_language(lang)
    records, problems = read_sources(
        sources, format, on_error=on_error, follow_symlinks=follow_symlinks
    )
    if index is None or not records:
        templates = TemplateSet.from_records(records, lang=lang)
    else:
        templates = _with_cache(records, lang, Path(index))
    templates.problems = problems
    return templates


def _with_cache(records: list[TemplateRecord], lang: str, file: Path) -> TemplateSet:
    """The set of ``records`` from the cache in ``file`` when it fits them; else built
    (normalised, indexed) and written there, unless ``file`` is not a netiquette
    index (a setting in a repository's config could name any file)."""
    fingerprint = cache.records_fingerprint(records, lang)
    notes: list[str] = []
    writable = True
    if file.exists():
        try:
            encoded, codes, index = cache.load(file, fingerprint, len(records))
            templates = TemplateSet.from_encoded(records, encoded, codes, lang=lang)
            templates._adopt_index(index)
            return templates
        except TemplateError as exc:
            writable = written_here(file)
            if writable:
                notes.append(f"note: {exc}; rebuilding {file}")
            else:
                notes.append(f"warning: {exc}; not overwriting {file}")
    codes = WordCodes()
    encoded = encode_records(records, codes, lang)
    templates = TemplateSet.from_encoded(records, encoded, codes, lang=lang)
    templates.notes = notes
    if writable and len(templates):
        try:
            cache.save(file, fingerprint, encoded, codes, templates.build_index())
        except OSError as exc:
            notes.append(f"warning: cannot write the template index {file}: {exc}")
    return templates
