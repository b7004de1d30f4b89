from .._models import BaseModel, Omittable
from .json_value import JsonValue

__all__ = ["Annotation", "Node"]


class Node(BaseModel):
    """A node; its children are nodes."""

    name: str

    children: "Omittable[list[Node]]" = None

    annotation: "Omittable[Annotation]" = None


class Annotation(BaseModel):
    """Mutually recursive with Node."""

    about: Omittable[Node] = None

    value: Omittable[JsonValue] = None

Node.model_rebuild()
