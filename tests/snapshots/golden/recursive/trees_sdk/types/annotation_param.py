from collections.abc import Sequence

from typing_extensions import Required, TypedDict

from .json_value_param import JsonValueParam

__all__ = ["AnnotationParam", "NodeParam"]


class NodeParam(TypedDict, total=False):
    """A node; its children are nodes."""

    name: Required[str]

    children: "Sequence[NodeParam]"

    annotation: "AnnotationParam"


class AnnotationParam(TypedDict, total=False):
    """Mutually recursive with Node."""

    about: NodeParam

    value: JsonValueParam
