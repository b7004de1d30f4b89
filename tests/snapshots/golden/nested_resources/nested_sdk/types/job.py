from .._models import BaseModel

__all__ = ["Job"]


class Job(BaseModel):
    id: str
