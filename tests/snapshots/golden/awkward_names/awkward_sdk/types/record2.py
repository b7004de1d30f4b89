from typing import Optional

from .._models import BaseModel

__all__ = ["Record2"]


class Record2(BaseModel):
    """Same name as Record but lower case."""

    id: Optional[str] = None
