from typing import Optional

from .._models import BaseModel
from .json_value import JsonValue

__all__ = ["Annotation", "Node"]


class Node(BaseModel):
    """A node; its children are nodes."""

    name: str

    children: "Optional[list[Node]]" = None

    annotation: "Optional[Annotation]" = None


class Annotation(BaseModel):
    """Mutually recursive with Node."""

    about: Optional[Node] = None

    value: Optional[JsonValue] = None

Node.model_rebuild()
