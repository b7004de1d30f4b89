"""``ChatCompletion`` subclasses that carry parsed structured output and tool arguments.

``ParsedChatCompletion[T]`` is a ``ChatCompletion`` whose ``choices[i].message.parsed`` is the reply
validated as ``T`` and whose ``tool_calls[i].function.parsed_arguments`` holds parsed arguments.
"""

from typing import Generic, Optional, TypeVar

from ._generated_types import (
    ChatCompletion,
    ChatCompletionChoice,
    ChatCompletionMessage,
    ChatCompletionMessageToolCall,
    ChatCompletionMessageToolCallFunction,
)

__all__ = [
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "ParsedFunction",
    "ParsedFunctionToolCall",
]

ContentT = TypeVar("ContentT")


class ParsedFunction(ChatCompletionMessageToolCallFunction):
    """A tool call's function with ``parsed_arguments`` (``None`` unless the tool is parseable)."""

    parsed_arguments: object = None


class ParsedFunctionToolCall(ChatCompletionMessageToolCall):
    """A tool call whose ``function`` carries ``parsed_arguments``."""

    function: ParsedFunction  # pyright: ignore[reportIncompatibleVariableOverride]


class ParsedChatCompletionMessage(ChatCompletionMessage, Generic[ContentT]):
    """An assistant message with ``parsed`` (the content validated as the requested type)."""

    parsed: Optional[ContentT] = None
    tool_calls: Optional[list[ParsedFunctionToolCall]] = None  # type: ignore[assignment]


class ParsedChoice(ChatCompletionChoice, Generic[ContentT]):
    """A choice whose message is a ``ParsedChatCompletionMessage``."""

    message: ParsedChatCompletionMessage[ContentT]  # pyright: ignore[reportIncompatibleVariableOverride]
    finish_reason: Optional[str] = None  # type: ignore[assignment]
    """Why generation stopped; ``None`` only in stream snapshots taken before the choice ended."""


class ParsedChatCompletion(ChatCompletion, Generic[ContentT]):
    """A ``ChatCompletion`` with parsed structured output; see the module docstring."""

    choices: list[ParsedChoice[ContentT]]  # type: ignore[assignment]
