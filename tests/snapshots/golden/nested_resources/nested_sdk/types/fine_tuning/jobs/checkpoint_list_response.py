from ...._models import BaseModel, Omittable

__all__ = ["CheckpointListResponse"]


class CheckpointListResponse(BaseModel):
    step: Omittable[int] = None
