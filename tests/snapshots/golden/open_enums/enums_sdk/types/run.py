from typing import Literal, Optional, Union

from .._models import BaseModel, Omittable, OpenEnum
from .run_status import RunStatus

__all__ = ["Run"]


class Run(BaseModel):
    id: str

    object: Omittable[Literal["run"]] = None

    status: RunStatus

    finish_reason: Optional[OpenEnum[Literal["stop", "length"]]]

    model: Omittable[Union[Literal["fast", "smart"], str]] = None
