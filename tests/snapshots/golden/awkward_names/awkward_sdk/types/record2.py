from .._models import BaseModel, Omittable

__all__ = ["Record2"]


class Record2(BaseModel):
    """Same name as Record but lower case."""

    id: Omittable[str] = None
