"""Settings: defaults, ``[tool.netiquette]`` in pyproject.toml or ``.netiquette.toml``.

Every key is validated; a bad one raises ConfigError naming the file, the key and
what is expected. Keys may be written with dashes or underscores.

Whose config it is matters. A project's config file (found upwards from the current
folder, or named with ``--config`` or ``Linter(config=path)``) is written by whoever
can open a pull request, so it may name template files and the index only inside its
own folder, and never a server to send drafts to: ``languagetool_url`` comes only from
the user's own config (:func:`user_config_path`), the environment
(``NETIQUETTE_LANGUAGETOOL_URL``), the command line, or settings given in code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from netiquette.core import SEVERITIES, ConfigError, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = (".netiquette.toml", "pyproject.toml")
#: Settings a project's config may not set, and the environment variable for each.
USER_ONLY = {"languagetool_url": "NETIQUETTE_LANGUAGETOOL_URL"}
#: Settings naming files: a project's config may name them only inside its folder.
PROJECT_PATHS = ("templates", "templates_index")

#: Reads one raw value: (key as written, value, where) -> the value for Settings.
Parser = Callable[[str, Any, str], Any]


def _strings(key: str, value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings, got {value!r}")
    return tuple(value)


def _number(low: float, high: float, kind: type[int] | type[float]) -> Parser:
    def parse(key: str, value: Any, where: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where}: '{key}' must be a number, got {value!r}")
        if not low <= value <= high:
            raise ConfigError(f"{where}: '{key}' must be between {low:g} and {high:g}, got {value}")
        return kind(value)

    return parse


def _text(key: str, value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be a string, got {value!r}")
    return value


def _path(key: str, value: Any, where: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be a file path, got {value!r}")
    return value


def _url(key: str, value: Any, where: str) -> str | None:
    if value is not None and not (
        isinstance(value, str) and value.startswith(("http://", "https://"))
    ):
        raise ConfigError(f"{where}: '{key}' must be an http(s) URL, got {value!r}")
    return value


def _message_language(key: str, value: Any, where: str) -> str:
    from netiquette.lang import AUTO, codes

    if not isinstance(value, str) or value not in (AUTO, *codes()):
        choices = ", ".join((AUTO, *codes()))
        raise ConfigError(f"{where}: '{key}' must be one of {choices}, got {value!r}")
    return value


def _severities(key: str, value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: '{key}' must be a table of rule = level")
    for rule, level in value.items():
        if level not in SEVERITIES:
            raise ConfigError(
                f"{where}: severity of '{rule}' must be one of "
                f"{', '.join(SEVERITIES)}, got {level!r}"
            )
    return dict(value)


def _template_format(key: str, value: Any, where: str) -> str:
    from netiquette.templates.formats import FORMATS

    if not isinstance(value, str) or value.lower() not in FORMATS:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(FORMATS)}, got {value!r}")
    return value.lower()


def option(
    default: Any,
    parse: Parser,
    help: str,
    *,
    language_default: bool = False,
    factory: Callable[[], Any] | None = None,
) -> Any:
    """A setting: its default (or ``factory`` making it), how a raw value is read, and
    what it means.

    ``language_default``: the default (None) stands for the value the language gives
    in its language.yaml (``options``), as a rule reads it with ``RuleContext.option``.
    """
    metadata = {"parse": parse, "help": help, "language_default": language_default}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Override:
    """Settings for the files that ``patterns`` (gitignore syntax, relative to
    ``folder``, the config file's folder) match."""

    patterns: tuple[str, ...]
    folder: str
    values: Mapping[str, Any]
    #: The compiled patterns (a pathspec.PathSpec), made once by :meth:`build`.
    spec: Any = field(default=None, compare=False, repr=False)

    @classmethod
    def build(
        cls, patterns: tuple[str, ...], folder: str, values: Mapping[str, Any], where: str
    ) -> Override:
        """The override, its patterns compiled; a bad pattern is a ConfigError."""
        import pathspec

        try:
            spec = pathspec.PathSpec.from_lines("gitignore", patterns)
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"{where}: bad pattern in 'files': {exc}") from None
        return cls(patterns, folder, values, spec)

    def matches(self, path: str | os.PathLike[str]) -> bool:
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, self.folder)
        if relative.startswith(os.pardir):
            return False  # outside the project: no project override applies
        return bool(self.spec.match_file(relative.replace(os.sep, "/")))


@dataclass(frozen=True)
class Settings:
    """Everything a Linter can be told. The defaults suit short customer-service replies.

    Each field is an option of ``[tool.netiquette]`` (dashes or underscores); its
    metadata says how a raw value is checked. ``None`` for ``max_sentence_words``,
    ``min_reading_ease`` and ``max_grade`` means the language's own default.
    """

    lang: str = option("auto", _text, "language of the replies: auto, en or tr")
    message_lang: str = option(
        "auto", _message_language, "language of the messages: auto (the reply's), en or tr"
    )
    select: tuple[str, ...] | None = option(None, _strings, "only these rules")
    ignore: tuple[str, ...] = option((), _strings, "skip these rules")
    severity: Mapping[str, Severity] = option(None, _severities, "rule = level", factory=dict)
    fail_under: int = option(70, _number(0, 100, int), "fail a reply scoring below this")
    templates: tuple[str, ...] = option((), _strings, "known templates: files and folders")
    template_threshold: int = option(
        90, _number(1, 100, int), "similarity (0-100) from which a draft copies a template"
    )
    templates_format: str = option("auto", _template_format, "how template files are read")
    #: A file caching the template index: reused when it fits the templates, written
    #: (again) when it is missing or stale.
    templates_index: str | None = option(None, _path, "file caching the template index")
    allow_words: tuple[str, ...] = option((), _strings, "words never flagged")
    deny_words: tuple[str, ...] = option((), _strings, "words always flagged as profanity")
    languagetool_url: str | None = option(None, _url, "LanguageTool server for grammar")
    max_sentence_words: int | None = option(
        None, _number(5, 1000, int), "longest sentence in words", language_default=True
    )
    min_reading_ease: float | None = option(
        None, _number(-100, 120, float), "lowest reading ease", language_default=True
    )
    max_grade: float | None = option(
        None, _number(1, 30, float), "highest reading grade", language_default=True
    )
    #: The worst text measured (benchmarks/bench_linear.py) takes up to 0.9 s per
    #: 100,000 characters, so a check at the default limit ends within about two seconds
    #: whatever it is (docs/security.md).
    max_chars: int = option(
        200_000, _number(1, 1_000_000, int), "longest text checked, in characters"
    )
    known_variables: tuple[str, ...] = option(
        (), _strings, "template variables the audit accepts (* wildcards)"
    )
    #: Settings for some files only (``[[tool.netiquette.overrides]]``), in file order.
    overrides: tuple[Override, ...] = field(default=(), metadata={"help": "per-path settings"})
    source: str = field(default="defaults", metadata={"help": "where the settings came from"})

    def for_path(self, path: str | os.PathLike[str] | None) -> Settings:
        """These settings with the overrides whose patterns match ``path`` applied in
        order (``ignore`` adds to the rules ignored; every other key replaces)."""
        if not self.overrides or path is None:
            return self
        chosen = [o for o in self.overrides if o.matches(path)]
        if not chosen:
            return self
        values: dict[str, Any] = {}
        ignore = list(self.ignore)
        for override in chosen:
            for key, value in override.values.items():
                if key == "ignore":
                    ignore.extend(value)
                else:
                    values[key] = value
        return replace(self, **values, ignore=tuple(ignore), overrides=())

    def to_values(self) -> dict[str, Any]:
        """Every option not None as plain JSON values (lists, objects), which
        :func:`settings_from_mapping` reads back to equal settings (per-path overrides
        and ``source`` aside): settings sent to other machines as data, never as code."""
        values: dict[str, Any] = {}
        for name in OPTIONS:
            value = getattr(self, name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Mapping):
                value = dict(value)
            if value is not None:
                values[name] = value
        return values

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given (already validated) keys replaced; None means keep."""
        kept = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **kept) if kept else self


OPTIONS: dict[str, Field[Any]] = {f.name: f for f in fields(Settings) if "parse" in f.metadata}
#: Keys an override may not set: files and servers are the whole project's.
NOT_OVERRIDABLE = frozenset({*PROJECT_PATHS, *USER_ONLY, "known_variables"})
#: Settings whose default (None) is the language's own value (language.yaml ``options``).
LANGUAGE_DEFAULTS = frozenset(
    name for name, f in OPTIONS.items() if f.metadata.get("language_default")
)


def validate(raw: Mapping[str, Any], where: str = "config") -> dict[str, Any]:
    """Check raw keys and values; return them normalised for Settings(**...)."""
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: configuration must be a table, got {type(raw).__name__}")
    out: dict[str, Any] = {}
    for raw_key, value in raw.items():
        key = str(raw_key).replace("-", "_")
        spec = OPTIONS.get(key)
        if spec is None:
            known = ", ".join(sorted(k.replace("_", "-") for k in OPTIONS))
            raise ConfigError(f"{where}: unknown key '{raw_key}' (known keys: {known})")
        out[key] = spec.metadata["parse"](str(raw_key), value, where)
    return out


def settings_from_mapping(raw: Mapping[str, Any], where: str = "config") -> Settings:
    return Settings(**validate(raw, where), source=where)


def user_config_path() -> Path:
    """The user's own config: ``$XDG_CONFIG_HOME/netiquette/config.toml`` (by default
    ``~/.config/netiquette/config.toml``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "netiquette" / "config.toml"


def _read_table(file: Path) -> Mapping[str, Any]:
    """The netiquette table of a config file (a ConfigError for anything else)."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{file}: config file not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{file}: cannot read config file: not UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read config file: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{file}: invalid TOML: nested too deeply") from None
    if file.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, Mapping):
            raise ConfigError(f"{file}: 'tool' must be a table, got {type(tool).__name__}")
        table = tool.get("netiquette", {})
        if not isinstance(table, Mapping):
            raise ConfigError(
                f"{file}: [tool.netiquette] must be a table, got {type(table).__name__}"
            )
        return table
    if "netiquette" in data and isinstance(data["netiquette"], Mapping):
        return data["netiquette"]
    return data


def _inside(path: str, folder: Path, key: str, where: str) -> str:
    """``path`` (relative to ``folder``) resolved, when it stays inside ``folder``."""
    resolved = (folder / path).resolve()
    if resolved != folder and folder not in resolved.parents:
        raise ConfigError(
            f"{where}: '{key}' names {path!r}, outside the project folder {folder}; a "
            "project's config may only name files inside it (name others on the command "
            f"line or in {user_config_path()})"
        )
    return str(resolved)


def read_config_values(path: str | os.PathLike[str], *, trusted: bool = False) -> dict[str, Any]:
    """The settings a config file sets, validated, with its paths made absolute.

    ``trusted`` is for the user's own config. Any other file is a project's: a key of
    :data:`USER_ONLY` is refused, and template and index paths must stay inside the
    file's folder (symbolic links resolved).
    """
    file = Path(path)
    where = str(file)
    table = dict(_read_table(file))
    raw_overrides = table.pop("overrides", None)
    values = validate(table, where)
    if raw_overrides is not None:
        values["overrides"] = _overrides(raw_overrides, file.resolve().parent, where)
    if not trusted:
        for key, variable in USER_ONLY.items():
            if key in values:
                raise ConfigError(
                    f"{where}: '{key}' is not read from a project's config (it would send "
                    f"every draft where the project says); set {variable}, pass it on the "
                    f"command line, or put it in {user_config_path()}"
                )
    folder = file.resolve().parent

    def place(value: str, key: str) -> str:
        if not trusted:
            return _inside(value, folder, key, where)
        return value if os.path.isabs(value) else str((folder / value).resolve())

    for key in PROJECT_PATHS:
        value = values.get(key)
        if isinstance(value, tuple):
            values[key] = tuple(place(v, key) for v in value)
        elif value is not None:
            values[key] = place(value, key)
    return values


def _overrides(raw: Any, folder: Path, where: str) -> tuple[Override, ...]:
    """``[[overrides]]`` tables: ``files`` (gitignore patterns) and settings."""
    if not isinstance(raw, list) or not all(isinstance(t, Mapping) for t in raw):
        raise ConfigError(f"{where}: 'overrides' must be a list of tables ([[overrides]])")
    found = []
    for number, table in enumerate(raw, start=1):
        place = f"{where}: overrides #{number}"
        table = dict(table)
        files = table.pop("files", None)
        if isinstance(files, str):
            files = [files]
        if not files or not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise ConfigError(f"{place}: 'files' must be a list of path patterns")
        values = validate(table, place)
        refused = sorted(k for k in values if k in NOT_OVERRIDABLE)
        if refused:
            raise ConfigError(f"{place}: {', '.join(refused)} cannot be set per path")
        found.append(Override.build(tuple(files), str(folder), values, place))
    return tuple(found)


def read_config_file(path: str | os.PathLike[str], *, trusted: bool = False) -> Settings:
    """Settings from a .netiquette.toml, or from [tool.netiquette] of a pyproject.toml
    (a project's config unless ``trusted``: see :func:`read_config_values`), with
    ``NETIQUETTE_LANGUAGETOOL_URL`` from the environment."""
    values = read_config_values(path, trusted=trusted)
    return Settings(**{**environment_values(), **values}, source=str(path))


def environment_values() -> dict[str, Any]:
    """Settings from the environment (``NETIQUETTE_LANGUAGETOOL_URL``)."""
    values: dict[str, Any] = {}
    for key, variable in USER_ONLY.items():
        raw = os.environ.get(variable)
        if raw:
            values[key] = OPTIONS[key].metadata["parse"](key, raw, variable)
    return values


def load_settings(
    config: str | os.PathLike[str] | None = None,
    *,
    start: str | os.PathLike[str] = ".",
    use_files: bool = True,
) -> Settings:
    """The settings the command line starts from: the user's own config, then the
    project's (``config``, or the one found upwards from ``start``) over it, then the
    environment. ``use_files=False`` reads no file."""
    values: dict[str, Any] = {}
    sources: list[str] = []
    if use_files:
        user = user_config_path()
        if user.is_file():
            values.update(read_config_values(user, trusted=True))
            sources.append(str(user))
        project = Path(config) if config is not None else discover_config(start)
        if project is not None:
            values.update(read_config_values(project))
            sources.append(str(project))
    values.update(environment_values())
    return Settings(**values, source=", ".join(sources) or "defaults")


def discover_config(start: str | os.PathLike[str] = ".") -> Path | None:
    """The nearest .netiquette.toml, or pyproject.toml with [tool.netiquette], upwards."""
    folder = Path(start).resolve()
    for directory in (folder, *folder.parents):
        candidate = directory / ".netiquette.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "[tool.netiquette" in text:
                return pyproject
    return None


def resolve(config: Settings | Mapping[str, Any] | str | os.PathLike[str] | None) -> Settings:
    """Settings from whatever the API was given as ``config``."""
    if config is None:
        return Settings(**environment_values())
    if isinstance(config, Settings):
        return config
    if isinstance(config, Mapping):
        return settings_from_mapping(config)
    if isinstance(config, (str, os.PathLike)):
        return read_config_file(config)
    raise ConfigError(
        f"config must be a Settings, a mapping or a path, got {type(config).__name__}"
    )
