from typing import Optional

from .._models import BaseModel, Omittable

__all__ = ["Vetting"]


class Vetting(BaseModel):
    provider: Omittable[str] = None

    vetted_at: Optional[str] = None
