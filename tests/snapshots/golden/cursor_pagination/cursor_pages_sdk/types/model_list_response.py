from .._models import BaseModel, Omittable

__all__ = ["ModelListResponse"]


class ModelListResponse(BaseModel):
    id: str

    owned_by: Omittable[str] = None
