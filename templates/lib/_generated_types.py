"""Every generated name the helpers depend on, imported in one place.

The generator derives model names from the spec; if a name changes, fix it here and nowhere else.
Runtime names (``Stream``, ``SDKError``, ``BaseModel``, ...) come from the runtime contract and are
imported directly where they are used.
"""

from ..types import (
    ChatCompletion,
    ChatCompletionChoice,
    ChatCompletionChunk,
    ChatCompletionMessage,
    ChatCompletionMessageParam,
    ChatCompletionMessageToolCall,
    ChatCompletionMessageToolCallFunction,
    ChatCompletionTokenLogprob,
    ChatCompletionToolParam,
    CompletionUsage,
    RealtimeClientEvent,
    RealtimeServerEvent,
    RealtimeServerEventUnknown,
)

__all__ = [
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "ChatCompletionMessageParam",
    "ChatCompletionMessageToolCall",
    "ChatCompletionMessageToolCallFunction",
    "ChatCompletionTokenLogprob",
    "ChatCompletionToolParam",
    "CompletionUsage",
    "RealtimeClientEvent",
    "RealtimeServerEvent",
    "RealtimeServerEventUnknown",
]
