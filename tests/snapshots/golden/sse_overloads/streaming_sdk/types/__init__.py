"""Request and response types of `streaming_sdk.types`, imported lazily on first use."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import completions, events
    from .completion import Completion
    from .completion_chunk import CompletionChunk
    from .completion_create_params import (
        CompletionCreateParams,
        CompletionCreateParamsBase,
        CompletionCreateParamsNonStreaming,
        CompletionCreateParamsStreaming,
    )
    from .event_retrieve_chunk import EventRetrieveChunk

__all__ = [
    "Completion",
    "CompletionChunk",
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
    "EventRetrieveChunk",
    "completions",
    "events",
]

_LAZY: dict[str, str] = {
    "Completion": ".completion",
    "CompletionChunk": ".completion_chunk",
    "CompletionCreateParams": ".completion_create_params",
    "CompletionCreateParamsBase": ".completion_create_params",
    "CompletionCreateParamsNonStreaming": ".completion_create_params",
    "CompletionCreateParamsStreaming": ".completion_create_params",
    "EventRetrieveChunk": ".event_retrieve_chunk",
    "completions": ".completions",
    "events": ".events",
}


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` on first access."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module = importlib.import_module(module_name, __name__)
    value = module if module_name == "." + name else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_LAZY)  # the names in __all__ (typed even when there are none)
