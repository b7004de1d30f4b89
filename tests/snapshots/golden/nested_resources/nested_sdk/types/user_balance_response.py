from .._models import BaseModel, Omittable

__all__ = ["UserBalanceResponse"]


class UserBalanceResponse(BaseModel):
    total: Omittable[str] = None
