from .._models import BaseModel

__all__ = ["CompletionChunk"]


class CompletionChunk(BaseModel):
    id: str

    delta: str
