from typing_extensions import Required, TypedDict

from .annotation_param import NodeParam

__all__ = ["TreeUpdateParams"]


class TreeUpdateParams(TypedDict, total=False):
    """Parameters of `client.trees.update()`."""

    root: Required[NodeParam]
