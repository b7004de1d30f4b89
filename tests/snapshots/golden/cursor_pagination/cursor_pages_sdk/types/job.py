from typing import Literal

from .._models import BaseModel, OpenEnum

__all__ = ["Job"]


class Job(BaseModel):
    id: str

    status: OpenEnum[Literal["queued", "running", "done"]]
