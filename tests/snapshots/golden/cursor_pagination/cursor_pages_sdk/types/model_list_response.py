from typing import Optional

from .._models import BaseModel

__all__ = ["ModelListResponse"]


class ModelListResponse(BaseModel):
    id: str

    owned_by: Optional[str] = None
