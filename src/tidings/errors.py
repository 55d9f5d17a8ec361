"""Typed errors. Each says what failed, why, and how to fix it.

They are raised by the library and turned into messages and exit codes only in
``tidings.cli``; nothing here prints or exits.
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base of every error tidings raises on purpose."""

    def __init__(self, what: str, why: str, fix: str = "") -> None:
        self.what = what
        self.why = why
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.what}: {self.why}"
        if self.fix:
            text += f". {self.fix}"
        return text


class UsageError(TidingsError):
    """The command or the options were wrong (exit code 2)."""


class ConfigError(UsageError):
    """The config file or an environment variable holds a value tidings cannot use."""


class InputError(TidingsError):
    """One input could not be used; the others go on (it becomes a Skipped record)."""


class FetchError(InputError):
    """A URL could not be fetched (time-out, HTTP error, too large)."""


class NothingUsable(TidingsError):
    """Every input was skipped, so there is nothing to brief (exit code 2)."""


class StoreError(TidingsError):
    """The SQLite store could not be opened or written."""
