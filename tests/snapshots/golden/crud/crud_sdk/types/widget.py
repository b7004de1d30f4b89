from typing import Optional

from .._models import BaseModel

__all__ = ["Widget"]


class Widget(BaseModel):
    """A widget."""

    id: str

    name: str
    """Display name."""

    color: Optional[str] = None

    created_at: int
    """Unix seconds."""
