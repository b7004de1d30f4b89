from typing_extensions import Required, TypedDict

__all__ = ["SquareParam"]


class SquareParam(TypedDict, total=False):
    kind: Required[str]

    side: Required[float]
