from .._models import BaseModel

__all__ = ["Completion"]


class Completion(BaseModel):
    id: str

    text: str
