"""The error responses an operation declares: the JSON body schema of each non-2xx status.

- Statuses: exact codes (`404`), ranges (`4XX`, written upper-case whatever the spec's case)
  and `default`; 2xx codes are successes (`operations.py`). A response without JSON content
  (`application/json` or a `+json` variant) declares no body type: its error keeps the body
  the runtime decodes.
- Order: exact codes, then ranges, then `default`, the order the runtime looks them up in
  (`_failures.error_body_type`).
- Types (`MethodLowerer.error_bodies`): a `$ref` to a named schema is that schema's model, one
  for every operation using it (`placement` counts error schemas as response schemas); an
  inline schema of a shared `components/responses` entry is one type named after that entry
  (`NotFound` -> `NotFoundResponse`) in its own `types/` root module; an inline schema of the
  operation's own is `<Operation>Error` (several: `...Error404`, `...ClientError` for 4XX,
  `...ServerError` for 5XX, `...ErrorDefault`) next to its other types. A schema whose type names no generated model (a free-form object, a string) adds
  nothing over the decoded JSON and is not recorded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..spec.pointer import escape_token, unescape_token
from .schemas import Schemas

__all__ = ["DeclaredError", "declared_errors", "response_component"]

_EXACT = re.compile(r"[13-5]\d\d")
_RANGE = re.compile(r"[13-5]XX")
_COMPONENT = re.compile(r"#/components/responses/([^/]+)")


@dataclass(frozen=True)
class DeclaredError:
    """One error status an operation declares a JSON body for."""

    status: str  # "404", "4XX", "default"
    schema: Any
    pointer: str  # the schema's
    component: str | None  # the `components/responses` entry it comes from, if any


def declared_errors(
    node: Mapping[str, Any], pointer: str, schemas: Schemas
) -> tuple[DeclaredError, ...]:
    """The error statuses of operation `node` with a JSON body schema, in lookup order."""
    responses = node.get("responses")
    if not isinstance(responses, Mapping):
        return ()
    found: list[tuple[tuple[int, str], DeclaredError]] = []
    for code in responses:
        written = str(code)
        status = written.upper() if _RANGE.fullmatch(written.upper()) else written
        if _EXACT.fullmatch(status):
            rank = 0
        elif _RANGE.fullmatch(status):
            rank = 1
        elif status == "default":
            rank = 2
        else:
            continue
        response, where = schemas.deref(
            responses[code], f"{pointer}/responses/{escape_token(written)}"
        )
        content = response.get("content") if isinstance(response, Mapping) else None
        if not isinstance(content, Mapping):
            continue
        for media, media_node in content.items():
            base = str(media).split(";")[0].strip().lower()
            if base != "application/json" and not base.endswith("+json"):
                continue
            schema = media_node.get("schema") if isinstance(media_node, Mapping) else None
            if schema is None:
                break
            schema_pointer = f"{where}/content/{escape_token(str(media))}/schema"
            error = DeclaredError(status, schema, schema_pointer, response_component(where))
            found.append(((rank, status), error))
            break
    return tuple(error for _, error in sorted(found, key=lambda item: item[0]))


def response_component(pointer: str) -> str | None:
    """The name of the `components/responses` entry at `pointer`, if it is one."""
    match = _COMPONENT.fullmatch(pointer)
    return unescape_token(match.group(1)) if match else None
