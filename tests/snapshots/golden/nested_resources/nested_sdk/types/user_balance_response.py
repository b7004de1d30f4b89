from typing import Optional

from .._models import BaseModel

__all__ = ["UserBalanceResponse"]


class UserBalanceResponse(BaseModel):
    total: Optional[str] = None
