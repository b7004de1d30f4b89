from typing import Union

from .._models import BaseModel

__all__ = ["ValidationError", "ValidationErrorDetail"]


class ValidationErrorDetail(BaseModel):
    loc: list[Union[str, int]]

    msg: str


class ValidationError(BaseModel):
    """What was wrong with the request."""

    detail: list[ValidationErrorDetail]
