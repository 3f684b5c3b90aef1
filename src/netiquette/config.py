"""Settings: defaults, ``[tool.netiquette]`` in pyproject.toml or ``.netiquette.toml``.

Every key is validated; a bad one raises ConfigError naming the file, the key and
what is expected. Keys may be written with dashes or underscores.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from netiquette.core import SEVERITIES, ConfigError, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = (".netiquette.toml", "pyproject.toml")


@dataclass(frozen=True)
class Settings:
    """Everything a Linter can be told. The defaults suit short customer-service replies."""

    lang: str = "auto"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_under: int = 70
    templates: tuple[str, ...] = ()
    template_threshold: int = 90
    templates_format: str = "auto"
    #: A file caching the template index: reused when it fits the templates, written
    #: (again) when it is missing or stale.
    templates_index: str | None = None
    allow_words: tuple[str, ...] = ()
    deny_words: tuple[str, ...] = ()
    languagetool_url: str | None = None
    max_sentence_words: int = 35
    min_reading_ease: float = 30.0
    max_grade: float = 14.0
    known_variables: tuple[str, ...] = ()
    source: str = "defaults"

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given (already validated) keys replaced; None means keep."""
        kept = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **kept) if kept else self


_FIELD_NAMES = {f.name for f in fields(Settings)} - {"source"}


def _string_list(key: str, value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings, got {value!r}")
    return tuple(value)


def _number(key: str, value: Any, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{where}: '{key}' must be a number, got {value!r}")
    if not low <= value <= high:
        raise ConfigError(f"{where}: '{key}' must be between {low:g} and {high:g}, got {value}")
    return value


def validate(raw: Mapping[str, Any], where: str = "config") -> dict[str, Any]:
    """Check raw keys and values; return them normalised for Settings(**...)."""
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: configuration must be a table, got {type(raw).__name__}")
    out: dict[str, Any] = {}
    for raw_key, value in raw.items():
        key = str(raw_key).replace("-", "_")
        if key not in _FIELD_NAMES:
            known = ", ".join(sorted(k.replace("_", "-") for k in _FIELD_NAMES))
            raise ConfigError(f"{where}: unknown key '{raw_key}' (known keys: {known})")
        if key == "lang":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: 'lang' must be a string, got {value!r}")
            out[key] = value
        elif key in (
            "select",
            "ignore",
            "templates",
            "allow_words",
            "deny_words",
            "known_variables",
        ):
            out[key] = _string_list(raw_key, value, where)
        elif key == "severity":
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}: 'severity' must be a table of rule = level")
            for rule, level in value.items():
                if level not in SEVERITIES:
                    raise ConfigError(
                        f"{where}: severity of '{rule}' must be one of "
                        f"{', '.join(SEVERITIES)}, got {level!r}"
                    )
            out[key] = dict(value)
        elif key == "fail_under":
            out[key] = int(_number(raw_key, value, where, 0, 100))
        elif key == "templates_format":
            from netiquette.template_formats import FORMATS

            if not isinstance(value, str) or value.lower() not in FORMATS:
                raise ConfigError(
                    f"{where}: 'templates_format' must be one of {', '.join(FORMATS)},"
                    f" got {value!r}"
                )
            out[key] = value.lower()
        elif key == "templates_index":
            if value is not None and not isinstance(value, str):
                raise ConfigError(f"{where}: 'templates_index' must be a file path")
            out[key] = value
        elif key == "template_threshold":
            out[key] = int(_number(raw_key, value, where, 1, 100))
        elif key == "max_sentence_words":
            out[key] = int(_number(raw_key, value, where, 5, 1000))
        elif key == "min_reading_ease":
            out[key] = float(_number(raw_key, value, where, -100, 120))
        elif key == "max_grade":
            out[key] = float(_number(raw_key, value, where, 1, 30))
        elif key == "languagetool_url":
            if value is not None and not (
                isinstance(value, str) and value.startswith(("http://", "https://"))
            ):
                raise ConfigError(f"{where}: 'languagetool_url' must be an http(s) URL")
            out[key] = value
    return out


def settings_from_mapping(raw: Mapping[str, Any], where: str = "config") -> Settings:
    return Settings(**validate(raw, where), source=where)


def read_config_file(path: str | os.PathLike[str]) -> Settings:
    """Settings from a .netiquette.toml, or from [tool.netiquette] of a pyproject.toml."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{file}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: invalid TOML: {exc}") from None
    table: Mapping[str, Any] = data
    if file.name == "pyproject.toml":
        table = data.get("tool", {}).get("netiquette", {})
    elif "netiquette" in data and isinstance(data["netiquette"], Mapping):
        table = data["netiquette"]
    settings = settings_from_mapping(table, str(file))
    base = file.parent
    templates = tuple(
        t if os.path.isabs(t) else str((base / t).resolve()) for t in settings.templates
    )
    index = settings.templates_index
    if index is not None and not os.path.isabs(index):
        index = str((base / index).resolve())
    return replace(settings, templates=templates, templates_index=index)


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
        return Settings()
    if isinstance(config, Settings):
        return config
    if isinstance(config, Mapping):
        return settings_from_mapping(config)
    if isinstance(config, (str, os.PathLike)):
        return read_config_file(config)
    raise ConfigError(
        f"config must be a Settings, a mapping or a path, got {type(config).__name__}"
    )
