"""Best-effort parsing of a JSON document that is cut off (tool arguments while they stream)."""

from __future__ import annotations

import json

__all__ = ["parse_partial_json"]

_CLOSER = {"{": "}", "[": "]"}


def parse_partial_json(text: str) -> object:
    """Parse ``text``, a possibly truncated JSON document, into the value it has so far.

    An unfinished string is closed, open arrays/objects are closed, and an unfinished trailing
    member (a partial key, number or literal) is dropped. Returns ``None`` when nothing usable has
    arrived yet. Never raises.
    """
    try:
        return json.loads(text)
    except ValueError:
        pass
    stack: list[str] = []
    in_string = escaped = False
    last_safe: tuple[int, str] | None = None  # (cut position, closers valid at that point)
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append(_CLOSER[ch])
            last_safe = (i + 1, "".join(reversed(stack)))
        elif ch in "}]":
            if stack:
                stack.pop()
            last_safe = (i + 1, "".join(reversed(stack)))
        elif ch == ",":
            last_safe = (i, "".join(reversed(stack)))
    closers = "".join(reversed(stack))
    candidates: list[str] = []
    if in_string:
        candidates.append((text[:-1] if escaped else text) + '"' + closers)
    candidates.append(text + closers)
    if last_safe is not None:
        candidates.append(text[: last_safe[0]] + last_safe[1])
    for candidate in candidates:
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return None
