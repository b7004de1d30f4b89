from typing_extensions import Required, TypedDict

from .trees.annotation_param import NodeParam

__all__ = ["TreeUpdateParams"]


class TreeUpdateParams(TypedDict, total=False):
    """Parameters of `client.trees.update()`."""

    root: Required[NodeParam]
