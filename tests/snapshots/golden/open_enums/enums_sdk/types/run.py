from typing import Literal, Optional, Union

from .._models import BaseModel
from .run_status import RunStatus

__all__ = ["Run"]


class Run(BaseModel):
    id: str

    object: Optional[Literal["run"]] = None

    status: RunStatus

    finish_reason: Optional[Union[Literal["stop", "length"], str]]

    model: Optional[Union[Literal["fast", "smart"], str]] = None
