"""Reading command-line arguments into parameter values, by what the parameter accepts.

One argument is read as the first kind the parameter accepts that fits (`Param.one`; the
table lists them in this order): `null`, a boolean (`true`/`false`), an integer, a number, JSON
(an object or array; `@path` reads it from a file), a plain string. A file is `@path` or `-`
(standard input). `-` also reads a string or JSON from standard input. An option that takes a
list (`Param.items`) repeats, one item per use, or takes one JSON array.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from .._frontend.calls import is_list
from .._frontend.table import Param

__all__ = ["ArgumentError", "Stdin", "read_value"]


class ArgumentError(ValueError):
    """An argument that does not fit its parameter (a usage error)."""


class Stdin:
    """Standard input, read at most once (by the one argument that is `-`)."""

    def __init__(self) -> None:
        self.taken_by: str | None = None

    def _take(self, who: str) -> None:
        if self.taken_by is not None:
            raise ArgumentError(f"standard input (-) is already read for {self.taken_by}")
        self.taken_by = who

    def text(self, who: str) -> str:
        self._take(who)
        text = sys.stdin.read()
        return text[:-1] if text.endswith("\n") else text

    def data(self, who: str) -> bytes:
        self._take(who)
        return sys.stdin.buffer.read()


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def _json_file(path: str) -> Any:
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except OSError as exc:
        raise ArgumentError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ArgumentError(f"{path} is not valid JSON: {exc}") from None


def _file(text: str, who: str, stdin: Stdin) -> Any:
    if text == "-":
        return ("stdin", stdin.data(who))
    path = text[1:]
    if not os.path.isfile(path):
        raise ArgumentError(f"no such file: {path}")
    from pathlib import Path

    return Path(path)


def read_one(text: str, kinds: tuple[str, ...], who: str, stdin: Stdin) -> Any:
    """One argument as the first of `kinds` it fits; `who` names the option in errors."""
    if "file" in kinds and (text.startswith("@") or text == "-"):
        return _file(text, who, stdin)
    if text == "-" and ("json" in kinds or "string" in kinds):
        text = stdin.text(who)
        if "json" in kinds:
            try:
                return json.loads(text)
            except ValueError:
                if "string" not in kinds:
                    raise ArgumentError("standard input is not valid JSON") from None
        return text
    if "null" in kinds and text == "null":
        return None
    if "boolean" in kinds and text.lower() in _TRUE + _FALSE:
        return text.lower() in _TRUE
    if "integer" in kinds:
        try:
            return int(text)
        except ValueError:
            pass
    if "number" in kinds:
        try:
            return float(text)
        except ValueError:
            pass
    if "json" in kinds:
        if text.startswith("@") and len(text) > 1:
            return _json_file(text[1:])
        if "string" not in kinds or text.lstrip()[:1] in ("{", "[", '"'):
            try:
                return json.loads(text)
            except ValueError as exc:
                if "string" not in kinds:
                    raise ArgumentError(
                        f"not valid JSON ({exc}); pass JSON, or @FILE to read it from a file"
                    ) from None
    if "string" in kinds:
        return text
    if "file" in kinds:
        raise ArgumentError(f"expected a file as @PATH (or - for standard input), got {text!r}")
    raise ArgumentError(f"expected {' or '.join(_NAMES.get(k, k) for k in kinds)}, got {text!r}")


_NAMES = {"integer": "an integer", "number": "a number", "boolean": "true or false"}


def _check_choice(param: Param, value: Any) -> None:
    choices = param.choices
    if choices is not None and value not in choices and value is not None:
        listed = ", ".join(str(c) for c in choices)
        raise ArgumentError(f"invalid choice: {value!r} (choose from {listed})")


def read_value(param: Param, texts: list[str], who: str, stdin: Stdin) -> Any:
    """The value of `param` from the arguments given for it (one per use of its option)."""
    items, one = param.items, param.one
    array = len(texts) == 1 and texts[0].lstrip().startswith("[")
    if items and (len(texts) > 1 or not one or array):
        if array:
            try:
                values = json.loads(texts[0])
            except ValueError as exc:
                raise ArgumentError(f"not a valid JSON array ({exc})") from None
            if not is_list(values):
                raise ArgumentError("expected a JSON array")
        else:
            values = [read_one(text, items, who, stdin) for text in texts]
        for value in values:
            _check_choice(param, value)
        return values
    if len(texts) > 1:
        raise ArgumentError("given more than once (it takes one value)")
    try:
        value = read_one(texts[0], one, who, stdin)
    except ArgumentError:
        if not items:
            raise
        value = [read_one(texts[0], items, who, stdin)]
    for item in value if is_list(value) and items else [value]:
        _check_choice(param, item)
    return value
