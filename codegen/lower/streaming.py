"""Methods that stream server-sent events, and what asks them to.

A success response with a `text/event-stream` media type streams. Next to a JSON one, a boolean
`stream` body property chooses between them (`model_or_stream`: `render` prints three
overloads); without such a property only the JSON response is generated, with a warning. An
event stream alone always streams. Each event's data has the type of the event-stream schema.
"""

from __future__ import annotations

from .. import ir
from ..ir import types as t

__all__ = ["NO_FLAG", "stream_flag"]

NO_FLAG = (
    "has an event-stream response but no boolean `stream` body parameter; only the JSON "
    "response is generated"
)


def stream_flag(params: list[ir.Parameter]) -> ir.Parameter | None:
    """The boolean body parameter `stream` that asks for the event stream, if there is one."""
    found = next((p for p in params if p.wire == "stream" and p.location == "body"), None)
    if found is not None and t.members(found.type) == (t.Primitive("bool"),):
        return found
    return None
