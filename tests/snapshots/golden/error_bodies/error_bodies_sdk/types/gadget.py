from .._models import BaseModel

__all__ = ["Gadget"]


class Gadget(BaseModel):
    id: str

    name: str
