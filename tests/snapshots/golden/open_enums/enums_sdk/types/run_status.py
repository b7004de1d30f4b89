from typing import Literal, Union

from typing_extensions import TypeAlias

__all__ = ["RunStatus"]


RunStatus: TypeAlias = Union[Literal["queued", "running", "done"], str]
"""Where the run is."""
