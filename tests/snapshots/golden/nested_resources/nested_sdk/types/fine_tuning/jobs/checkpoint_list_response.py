from typing import Optional

from ...._models import BaseModel

__all__ = ["CheckpointListResponse"]


class CheckpointListResponse(BaseModel):
    step: Optional[int] = None
