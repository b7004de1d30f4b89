from .._models import BaseModel

__all__ = ["Circle"]


class Circle(BaseModel):
    kind: str

    radius: float
