from collections.abc import Sequence
from typing import Optional

from typing_extensions import Required, TypedDict

from .ref_param import RefParam

__all__ = ["NoteCreateParams"]


class NoteCreateParams(TypedDict, total=False):
    """Parameters of `client.notes.create()`."""

    title: Required[str]

    body: Required[Optional[str]]

    tags: Optional[Sequence[str]]

    parent: Optional[RefParam]
