"""The one loader of templates, for the API and the CLI alike.

``load(sources, lang=..., format=..., index=..., on_error=...)`` reads the templates
(:mod:`netiquette.templates.reading`), builds the :class:`TemplateSet` and, given an
index file (the ``templates_index`` setting), reuses the index saved there when it fits
these templates, or builds it and writes it there when the file is missing or holds
a stale index; a file that is not a netiquette index is left alone.
What it had to say about the index is in ``TemplateSet.notes``; files and records it
skipped with ``on_error="collect"`` in ``TemplateSet.problems``.
"""

from __future__ import annotations

import os
from pathlib import Path

from netiquette.core import TemplateError
from netiquette.templates.index import TemplateIndex
from netiquette.templates.matching import TemplateSet
from netiquette.templates.reading import TemplateSources, read_sources


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
    records, problems = read_sources(
        sources, format, on_error=on_error, follow_symlinks=follow_symlinks
    )
    templates = TemplateSet.from_records(records, lang=lang)
    templates.problems = problems
    if index is not None and len(templates):
        _reuse_index(templates, Path(index))
    return templates


def _reuse_index(templates: TemplateSet, file: Path) -> None:
    """Use the index cached in ``file``, or build it and write it there."""
    if file.exists():
        try:
            templates.use_index(file)
            return
        except TemplateError as exc:
            if not TemplateIndex.written_here(file):
                # Never write over a file netiquette did not write (a setting in a
                # repository's config could name any file).
                templates.notes.append(f"warning: {exc}; not overwriting {file}")
                return
            templates.notes.append(f"note: {exc}; rebuilding {file}")
    try:
        templates.build_index().save(file)
    except OSError as exc:
        templates.notes.append(f"warning: cannot write the template index {file}: {exc}")
