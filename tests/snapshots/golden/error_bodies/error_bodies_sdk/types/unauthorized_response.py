from .._models import BaseModel

__all__ = ["UnauthorizedResponse"]


class UnauthorizedResponse(BaseModel):
    reason: str
