"""A short string that matches a regular expression (a schema's `pattern`), for test values.

The pattern is parsed with Python's own regex parser and walked once, taking the first
alternative, the first character of each class and the fewest repetitions allowed (at least one
where that helps reach `minLength`). The result is checked with `re.search` and the length
bounds; when the walk cannot satisfy them (look-arounds, back-references, contradictory
bounds) there is no answer rather than a wrong one.
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the stdlib's own parser
from typing import Any

__all__ = ["matching_string"]

_CATEGORY = {
    "CATEGORY_DIGIT": "0",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": "-",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
}
_LIMIT = 64


class _Unsupported(Exception):
    pass


def matching_string(pattern: str, min_length: int = 0, max_length: int | None = None) -> str | None:
    """A string `re.search(pattern, s)` accepts, of a length within the bounds, or None."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    for extra in (0, 1, min_length):
        try:
            text = _walk(parsed, extra)
        except _Unsupported:
            return None
        if len(text) < min_length and not pattern.endswith("$"):
            text += "a" * (min_length - len(text))
        if _accepts(pattern, text, min_length, max_length):
            return text
    return None


def _accepts(pattern: str, text: str, low: int, high: int | None) -> bool:
    if len(text) < low or (high is not None and len(text) > high):
        return False
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return False


def _walk(parsed: Any, extra: int) -> str:
    """The string for a parsed pattern; `extra` more repetitions of open-ended repeats."""
    out: list[str] = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append("a" if chr(arg) != "a" else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_first_in(arg))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, item = arg
            count = low
            if high > low:
                count = min(low + max(extra, 0 if low else 1), high, low + _LIMIT)
            out.append(_walk(item, extra) * count)
        elif name == "SUBPATTERN":
            out.append(_walk(arg[-1], extra))
        elif name == "BRANCH":
            out.append(_walk(arg[1][0], extra))
        elif name == "AT":
            continue
        elif name == "ATOMIC_GROUP":
            out.append(_walk(arg, extra))
        else:  # look-arounds, back-references, conditionals
            raise _Unsupported(name)
    return "".join(out)


def _first_in(items: Any) -> str:
    """A character of a class like `[a-z0-9_]`; negated classes get one outside them."""
    if items and str(items[0][0]) == "NEGATE":
        excluded = "".join(_first_in([item]) for item in items[1:])
        for candidate in "a0A_-x":
            if candidate not in excluded and re.fullmatch(_class_source(items), candidate):
                return candidate
        raise _Unsupported("NEGATE")
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return chr(arg)
        if name == "RANGE":
            return chr(arg[0])
        if name == "CATEGORY":
            return _CATEGORY.get(str(arg), "a")
    raise _Unsupported("IN")


def _class_source(items: Any) -> str:
    """A character class's source again, enough to test one character against it."""
    parts = []
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            parts.append("^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(arg)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif name == "CATEGORY":
            parts.append(
                {
                    "CATEGORY_DIGIT": r"\d",
                    "CATEGORY_NOT_DIGIT": r"\D",
                    "CATEGORY_WORD": r"\w",
                    "CATEGORY_NOT_WORD": r"\W",
                    "CATEGORY_SPACE": r"\s",
                    "CATEGORY_NOT_SPACE": r"\S",
                }.get(str(arg), "")
            )
    return "[" + "".join(parts) + "]"
