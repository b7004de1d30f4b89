from typing import Literal, Optional, Union

from typing_extensions import Required, TypeAlias, TypedDict

__all__ = ["CompletionCreateParams", "CompletionCreateParamsBase", "CompletionCreateParamsNonStreaming", "CompletionCreateParamsStreaming"]


class CompletionCreateParamsBase(TypedDict, total=False):
    """Parameters of `client.completions.create()`."""

    prompt: Required[str]


class CompletionCreateParamsNonStreaming(CompletionCreateParamsBase, total=False):
    """Parameters of `client.completions.create()` that get one response."""

    stream: Optional[Literal[False]]
    """Stream the result."""


class CompletionCreateParamsStreaming(CompletionCreateParamsBase, total=False):
    """Parameters of `client.completions.create()` that get a stream of events."""

    stream: Required[Literal[True]]
    """Stream the result."""


CompletionCreateParams: TypeAlias = Union[CompletionCreateParamsNonStreaming, CompletionCreateParamsStreaming]
"""Parameters of `client.completions.create()`."""
