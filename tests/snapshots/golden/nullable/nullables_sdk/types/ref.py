from .._models import BaseModel

__all__ = ["Ref"]


class Ref(BaseModel):
    id: str
