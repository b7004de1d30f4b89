from typing_extensions import Required, TypedDict

__all__ = ["RefParam"]


class RefParam(TypedDict, total=False):
    id: Required[str]
