from typing import Optional

from typing_extensions import Required, TypedDict

__all__ = ["CompletionCreateParams"]


class CompletionCreateParams(TypedDict, total=False):
    """Parameters of `client.completions.create()`."""

    prompt: Required[str]

    stream: Optional[bool]
