from typing import Optional

from .._models import BaseModel

__all__ = ["Error", "ErrorError"]


class ErrorError(BaseModel):
    message: str

    code: Optional[str] = None


class Error(BaseModel):
    """The usual error body."""

    error: ErrorError
