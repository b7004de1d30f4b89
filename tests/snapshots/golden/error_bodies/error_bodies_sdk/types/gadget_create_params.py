from typing_extensions import Required, TypedDict

__all__ = ["GadgetCreateParams"]


class GadgetCreateParams(TypedDict, total=False):
    """Parameters of `client.gadgets.create()`."""

    name: Required[str]
