from .._models import BaseModel

__all__ = ["StoredFile"]


class StoredFile(BaseModel):
    id: str

    bytes: int
