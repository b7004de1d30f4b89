from typing import Literal, Union

from .._models import BaseModel

__all__ = ["Job"]


class Job(BaseModel):
    id: str

    status: Union[Literal["queued", "running", "done"], str]
