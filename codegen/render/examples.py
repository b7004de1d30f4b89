"""README example calls as Python: `client.files.create(\n    file=open(...),\n)`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .. import ir
from .text import py_str

__all__ = ["PrintedExamples", "literal_source", "print_examples"]


@dataclass(frozen=True)
class PrintedExamples:
    """Python source of each example call (None: the API has no such operation)."""

    call: str | None
    raw_call: str | None  # the same call through `client.with_raw_response`
    stream: str | None
    page: str | None
    upload: str | None


def literal_source(value: object) -> str:
    """Python source for an example value (JSON data, or a `FileExample`)."""
    if isinstance(value, ir.FileExample):
        return 'open("example.jsonl", "rb")'
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("an example value cannot be NaN or infinite")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal_source(item) for item in value) + "]"
    if isinstance(value, Mapping):
        entries = [f"{py_str(str(k))}: {literal_source(v)}" for k, v in value.items()]
        return "{" + ", ".join(entries) + "}"
    raise ValueError(f"an example value cannot be a {type(value).__name__}")


def _call(example: ir.Example | None) -> str | None:
    if example is None:
        return None
    target = ".".join(("client", *example.path))
    if not example.args:
        return f"{target}()"
    args = "".join(f"    {name}={literal_source(value)},\n" for name, value in example.args)
    return f"{target}(\n{args})"


def print_examples(api: ir.Api) -> PrintedExamples:
    call = _call(api.examples.call)
    return PrintedExamples(
        call=call,
        raw_call=call.replace("client.", "client.with_raw_response.", 1) if call else None,
        stream=_call(api.examples.stream),
        page=_call(api.examples.page),
        upload=_call(api.examples.upload),
    )
