"""Errors and diagnostics shared by every stage of the generator.

Every problem with the user's input (the OpenAPI document or the generator config) is reported
with a JSON pointer into that input, so a message always says *where* to look:

    spec/openapi.yaml#/paths/~1files/post/requestBody: 'content' is required

`SpecError` stops generation; a `Diagnostic` is a value a stage returns (a warning skips one
thing and generation goes on).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "SKIPPED_OPERATION",
    "ConfigError",
    "Diagnostic",
    "GenerationError",
    "SpecError",
    "normalize_pointer",
]


def normalize_pointer(pointer: str) -> str:
    """Return `pointer` in fragment form: `""`, `"/a"` and `"#/a"` become `"#"`, `"#/a"`, `"#/a"`."""
    return pointer if pointer.startswith("#") else "#" + pointer


class SpecError(Exception):
    """The input document is wrong at `pointer`; generation cannot go on.

    `file` is the document's path as shown to the user (relative to the working directory when
    possible); `None` means "the spec being generated", filled in by whoever reports the error.
    """

    def __init__(self, pointer: str, message: str, file: str | None = None) -> None:
        self.pointer = normalize_pointer(pointer)
        self.message = message
        self.file = file
        super().__init__(pointer, message, file)

    def __str__(self) -> str:
        return f"{self.file or ''}{self.pointer}: {self.message}"


class ConfigError(SpecError):
    """The generator config (`spec/sdk.yaml`) is wrong at `pointer`."""


class GenerationError(Exception):
    """The generator itself failed on valid input (e.g. rendered Python that ruff cannot parse).

    Unlike `SpecError` this points at a bug in the generator or its templates, not at the input.
    """


SKIPPED_OPERATION = "skipped-operation"
"""The kind of the diagnostic for an operation that cannot become a method. It is an error:
generation stops naming each one, unless the user allows skips (`generate --allow-skip`)."""


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the input, returned as a value by a stage.

    A `"warning"` means one thing was skipped and generation went on; an `"error"` means the
    stage could not produce a correct result. `kind` groups diagnostics in reports
    (`skipped-operation`, `unreached-problem`, `media-type`, `discriminator`, ...).
    """

    level: Literal["warning", "error"]
    pointer: str
    message: str
    kind: str = "other"

    def __str__(self) -> str:
        return f"{self.level}: {normalize_pointer(self.pointer)}: {self.message}"
