"""List methods that page: which scheme a list response follows, and the paginator for it.

For a GET whose JSON response has a `data` array: a boolean `has_more` field plus an `after`
query parameter is a cursor page; a string `next` field a next-URL page; an integer `page` query
parameter a page-number page (numbered from that parameter's `default`, else its `minimum`,
else 1: Mistral counts from 0); no paging parameters at all one single page. The config's
`paginate:` overrides the detection (and `none` turns it off). A paginator names the runtime
page classes (`templates/runtime/_pagination.py`) whose class-level settings match its fields:
each requires `data`, and its `...OptionalData` twin serves a response whose `data` is optional.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import ir
from ..config import Paginate
from ..ir import types as t
from .operations import Operation
from .schemas import Schemas, schema_is

__all__ = [
    "OPTIONAL_DATA",
    "PAGE_CLASSES",
    "detect_page",
    "first_page",
    "items_required",
    "paginator",
]

_PAGING_PARAMS = frozenset({"after", "before", "limit", "page", "offset", "cursor", "page_token"})
PAGE_CLASSES: Mapping[str, tuple[str, str, str | None, str | None, str | None]] = {
    "cursor": ("SyncCursorPage", "AsyncCursorPage", "after", "has_more", None),
    "page": ("SyncPage", "AsyncPage", None, None, None),
    "next_url": ("SyncNextUrlPage", "AsyncNextUrlPage", None, None, "next"),
    "page_number": ("SyncPageNumberPage", "AsyncPageNumberPage", "page", None, None),
}
"""kind -> (sync page class, async page class, cursor query parameter, has-more field, next-URL
field), as the runtime page classes define them."""
OPTIONAL_DATA = "OptionalData"
"""Suffix of the twin of each page class whose `data` may be absent."""


def detect_page(
    op: Operation, schema: Any, pointer: str, params: list[ir.Parameter], schemas: Schemas
) -> Paginate:
    """The paging scheme of a GET with a `data` array response, from the shape alone."""
    if op.verb != "get" or not isinstance(schema, Mapping):
        return "none"
    if schemas.data_items(schema, pointer) is None:
        return "none"
    _, props, _ = schemas.properties(schema, pointer, inherit=False)
    fields = {p.wire: schemas.deref(p.schema, p.pointer)[0] for p in props}
    query = {p.wire: p for p in params if p.location == "query"}
    if schema_is(fields.get("has_more"), "boolean") and "after" in query:
        return "cursor"
    if schema_is(fields.get("next"), "string"):
        return "next_url"
    if "page" in query and t.members(query["page"].type) == (t.Primitive("int"),):
        return "page_number"
    if not set(query) & _PAGING_PARAMS:
        return "page"
    return "none"


def first_page(op: Operation, schemas: Schemas) -> int:
    """The number of the page a call without the `page` query parameter gets: the parameter's
    `default`, else its `minimum`, else 1."""
    for param in op.params:
        if param.location == "query" and param.wire == "page":
            schema, _ = schemas.deref(param.schema, param.pointer)
            if not isinstance(schema, Mapping):
                return 1
            for key in ("default", "minimum"):
                value = schema.get(key)
                if isinstance(value, int) and not isinstance(value, bool):
                    return value
    return 1


def items_required(schema: Mapping[str, Any], pointer: str, schemas: Schemas) -> bool:
    """Whether the list response `schema` requires its `data` array (else the page classes'
    `...OptionalData` twins take a response without it)."""
    return "data" in schemas.properties(schema, pointer, inherit=False)[2]


def paginator(
    kind: ir.PaginationKind, item: t.Type, *, required: bool = True, first: int = 1
) -> ir.Paginator:
    """The paginator of `kind` over `data` arrays of `item` (`required`: the response always
    has `data`; `first`: the first page's number, for `page_number`)."""
    sync_page, async_page, cursor_param, has_more, next_url = PAGE_CLASSES[kind]
    if not required:
        sync_page, async_page = sync_page + OPTIONAL_DATA, async_page + OPTIONAL_DATA
    return ir.Paginator(
        kind=kind,
        item=item,
        items_field="data",
        cursor_param=cursor_param,
        has_more_field=has_more,
        page_class_sync=sync_page,
        page_class_async=async_page,
        next_url_field=next_url,
        first_page=first if kind == "page_number" else 1,
    )
