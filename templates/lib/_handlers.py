"""Callback registry behind ``stream.on(...)`` and ``runner.on(...)`` (Node-SDK style handlers)."""

from __future__ import annotations

import inspect
from typing import Any, Callable

__all__ = ["Handlers"]

Handler = Callable[..., Any]

# Node-style names whose handlers get (delta, snapshot) instead of the event object.
_DELTA_SHORTCUTS = {
    "content.delta": "content",
    "reasoning.delta": "reasoning",
    "refusal.delta": "refusal",
}


class Handlers:
    """Handlers by event name.

    Stream events: a handler registered under an event's ``type`` gets the event, except these
    shortcuts, which get two values like the Node SDK: ``"chunk"`` -> ``(chunk, snapshot)``,
    ``"content"``/``"reasoning"``/``"refusal"`` -> ``(delta, snapshot)``.
    """

    __slots__ = ("_by_name",)

    def __init__(self) -> None:
        self._by_name: dict[str, list[Handler]] = {}

    def __bool__(self) -> bool:
        return bool(self._by_name)

    def add(self, name: str, handler: Handler) -> None:
        """Register ``handler`` for ``name``."""
        if not callable(handler):
            raise TypeError(f"handler for {name!r} must be callable, got {type(handler).__name__}")
        self._by_name.setdefault(name, []).append(handler)

    def remove(self, name: str, handler: Handler) -> None:
        """Unregister ``handler`` (no error when it was not registered)."""
        handlers = self._by_name.get(name)
        if handlers and handler in handlers:
            handlers.remove(handler)
            if not handlers:
                del self._by_name[name]

    def calls(self, name: str, *args: Any) -> list[tuple[Handler, tuple[Any, ...]]]:
        """The handlers registered for ``name``, each with the arguments to call it with."""
        return [(handler, args) for handler in self._by_name.get(name, ())]

    def stream_calls(self, event: Any) -> list[tuple[Handler, tuple[Any, ...]]]:
        """The calls a stream event triggers (see the class docstring)."""
        event_type: str = event.type
        if event_type == "chunk":
            if "chunk" not in self._by_name:
                return []
            return self.calls("chunk", event.chunk, event.snapshot)
        calls = self.calls(event_type, event)
        shortcut = _DELTA_SHORTCUTS.get(event_type)
        if shortcut is not None:
            calls += self.calls(shortcut, event.delta, event.snapshot)
        return calls

    @staticmethod
    def run(calls: list[tuple[Handler, tuple[Any, ...]]]) -> None:
        """Call sync handlers; an async handler here is an error."""
        for handler, args in calls:
            result = handler(*args)
            if inspect.isawaitable(result):
                close = getattr(result, "close", None)
                if close is not None:
                    close()
                raise TypeError(
                    f"{handler!r} is async; use the async client to register async handlers"
                )

    @staticmethod
    async def arun(calls: list[tuple[Handler, tuple[Any, ...]]]) -> None:
        """Call handlers, awaiting those that return awaitables."""
        for handler, args in calls:
            result = handler(*args)
            if inspect.isawaitable(result):
                await result
