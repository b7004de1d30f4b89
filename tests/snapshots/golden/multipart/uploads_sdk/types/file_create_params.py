from collections.abc import Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

from .._types import FileTypes

__all__ = ["FileCreateParams"]


class FileCreateParams(TypedDict, total=False):
    """Parameters of `client.files.create()`."""

    file: Required[FileTypes]

    purpose: Required[Literal["fine-tune", "batch"]]

    extra_files: Sequence[FileTypes]
