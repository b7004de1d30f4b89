from typing import Literal

from typing_extensions import TypeAlias

from .._models import OpenEnum

__all__ = ["RunStatus"]


RunStatus: TypeAlias = OpenEnum[Literal["queued", "running", "done"]]
"""Where the run is."""
