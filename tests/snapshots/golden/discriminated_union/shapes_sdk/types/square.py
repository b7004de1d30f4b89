from .._models import BaseModel

__all__ = ["Square"]


class Square(BaseModel):
    kind: str

    side: float
