from typing import Literal, Union

from typing_extensions import Required, TypedDict

__all__ = ["RunCreateParams"]


class RunCreateParams(TypedDict, total=False):
    """Parameters of `client.runs.create()`."""

    model: Required[Union[str, Literal["fast", "smart"]]]

    mode: Literal["sync", "async"]

    priority: Literal[1, 2, 3]
