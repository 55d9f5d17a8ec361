"""One validated options object. Precedence: defaults < config file < environment < flags.

The config file is TOML with the same keys as ``Options`` (``words = 200``,
``db = "~/news.db"``, ...), read from ``--config``, ``$TIDINGS_CONFIG`` or the
user's config directory. Environment variables are ``TIDINGS_<KEY>``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import warnings
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

FORMATS = ("markdown", "json")


@dataclass(frozen=True, kw_only=True)
class Options:
    words: int = 250  # summary budget in words
    focus: str | None = None  # a question or topic to steer the summary to
    format: str = "markdown"  # markdown or json
    db: str | None = None  # SQLite store; None means the user's data directory
    store: bool = True  # keep articles and briefings in the store
    timeout: float = 20.0  # seconds per URL fetch
    max_fetch_bytes: int = 10_000_000  # size cap for one fetched page or feed
    max_text_bytes: int = 5_000_000  # an article with more text than this is skipped
    fetch_linked: bool = True  # fetch the page behind a feed item that is only a teaser
    user_agent: str = ""  # empty means "tidings/<version>"

    def __post_init__(self) -> None:
        if not isinstance(self.words, int) or isinstance(self.words, bool) or self.words < 1:
            raise ConfigError("words", f"must be a whole number above 0, not {self.words!r}",
                              "Give --words 250, for example")
        if self.format not in FORMATS:
            raise ConfigError("format", f"must be one of {', '.join(FORMATS)}, not {self.format!r}",
                              "Use --format markdown or --format json")
        if not (isinstance(self.timeout, (int, float)) and self.timeout > 0):
            raise ConfigError("timeout", f"must be a number of seconds above 0, not {self.timeout!r}")
        for name in ("max_fetch_bytes", "max_text_bytes"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1000:
                raise ConfigError(name, f"must be a whole number of bytes of at least 1000, not {value!r}")
        if self.focus is not None and not str(self.focus).strip():
            raise ConfigError("focus", "is empty", 'Give a question or topic, e.g. --focus "the rescue"')
        if self.words < 40:
            warnings.warn(f"a summary of {self.words} words holds one or two sentences at most",
                          UserWarning, stacklevel=3)
        if not self.store and self.db:
            warnings.warn("db is set but the store is off (--no-store): nothing will be written to it",
                          UserWarning, stacklevel=3)

    def replace(self, **changes: Any) -> "Options":
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _coerce(name: str, value: Any, target: Any) -> Any:
    """Turn a value from TOML or the environment into the field's type."""
    kind = target if isinstance(target, type) else None
    text = str(target)
    if kind is bool or text == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on"):
            return True
        if isinstance(value, str) and value.lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(name, f"must be true or false, not {value!r}")
    if kind is int or text == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(name, f"must be a whole number, not {value!r}") from None
    if kind is float or text == "float":
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ConfigError(name, f"must be a number, not {value!r}") from None
    return None if value in ("", None) and "None" in text else str(value)


def _check_keys(values: Mapping[str, Any], where: str) -> None:
    known = {f.name for f in fields(Options)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(where, f"unknown option {', '.join(map(repr, unknown))}",
                          f"Known options are: {', '.join(sorted(known))}")


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("tidings")) / "config.toml"


def read_config_file(path: str | os.PathLike[str] | None, *, required: bool) -> dict[str, Any]:
    if path is None:
        return {}
    p = Path(path).expanduser()
    if not p.exists():
        if required:
            raise ConfigError(str(p), "config file not found", "Check the path given to --config or $TIDINGS_CONFIG")
        return {}
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(p), f"not valid TOML ({exc})", "Fix the file or remove it") from None
    section = data.get("tidings", data)  # either top-level keys or a [tidings] table
    _check_keys(section, str(p))
    return dict(section)


def load_options(flags: Mapping[str, Any] | None = None, *, config_path: str | None = None,
                 environ: Mapping[str, str] | None = None) -> Options:
    """Build Options from defaults, the config file, TIDINGS_* variables and flags (in that order)."""
    env = os.environ if environ is None else environ
    explicit = config_path or env.get("TIDINGS_CONFIG")
    values: dict[str, Any] = read_config_file(explicit or default_config_path(), required=bool(explicit))
    types = {f.name: f.type for f in fields(Options)}
    for name in types:
        key = f"TIDINGS_{name.upper()}"
        if key in env:
            values[name] = env[key]
    flag_values = {k: v for k, v in (flags or {}).items() if v is not None}
    _check_keys(flag_values, "options")
    values.update(flag_values)
    coerced = {k: _coerce(k, v, types[k]) for k, v in values.items()}
    return Options(**coerced)
