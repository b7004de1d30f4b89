from .._models import BaseModel, Omittable

__all__ = ["Widget"]


class Widget(BaseModel):
    """A widget."""

    id: str

    name: str
    """Display name."""

    color: Omittable[str] = None

    created_at: int
    """Unix seconds."""
