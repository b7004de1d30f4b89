from .._models import BaseModel

__all__ = ["EventRetrieveChunk"]


class EventRetrieveChunk(BaseModel):
    seq: int
