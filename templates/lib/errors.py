"""Errors raised by the helpers in ``lib`` (all subclasses of the package's base error)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._exceptions import SDKError

if TYPE_CHECKING:
    from ._generated_types import ChatCompletion

__all__ = [
    "ContentParseError",
    "LengthFinishReasonError",
    "RealtimeConnectionClosedError",
    "RealtimeServerError",
]


class LengthFinishReasonError(SDKError):
    """The reply was cut off (``finish_reason == "length"``) so it cannot be parsed.

    Raise ``max_tokens`` and retry. ``completion`` holds what was received.
    """

    def __init__(self, *, completion: ChatCompletion) -> None:
        usage = completion.usage
        detail = f" (usage: {usage.to_dict()})" if usage is not None else ""
        super().__init__(
            f"Could not parse the reply: it hit the token limit (finish_reason='length'){detail}. "
            "Increase max_tokens."
        )
        self.completion = completion


class ContentParseError(SDKError):
    """The reply (or a tool call's arguments) is not valid for the requested type.

    ``content`` is the raw text that failed; ``completion`` the whole response when available. The
    underlying ``pydantic.ValidationError`` / ``json.JSONDecodeError`` is chained as ``__cause__``.
    """

    def __init__(
        self, message: str, *, content: str, completion: ChatCompletion | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.content = content
        self.completion = completion


class RealtimeConnectionClosedError(SDKError):
    """The realtime WebSocket closed; ``code`` and ``reason`` come from the close frame (if any)."""

    def __init__(self, *, code: int | None, reason: str) -> None:
        super().__init__(f"Realtime connection closed (code={code}, reason={reason!r})")
        self.code = code
        self.reason = reason


class RealtimeServerError(SDKError):
    """The server sent an ``error`` event (raised only with ``raise_on_error=True``)."""

    def __init__(self, event: object) -> None:
        error = getattr(event, "error", None)
        message = getattr(error, "message", None) or str(error)
        super().__init__(f"Realtime server error: {message}")
        self.event = event
