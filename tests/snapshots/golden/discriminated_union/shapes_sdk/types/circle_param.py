from typing_extensions import Required, TypedDict

__all__ = ["CircleParam"]


class CircleParam(TypedDict, total=False):
    kind: Required[str]

    radius: Required[float]
