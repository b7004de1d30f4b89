from typing import Annotated, Literal, Optional, Union

from pydantic import Discriminator, Tag

from .._discriminated import UNKNOWN_TAG, tag_of
from .._models import BaseModel, Omittable, UnknownVariant
from .circle import Circle

__all__ = ["Drawing", "DrawingLayerRaster", "DrawingLayerUnknown", "DrawingLayerVector", "DrawingNoteVariant1"]


class DrawingLayerRaster(BaseModel):
    type: Literal["raster"]

    pixels: int


class DrawingLayerVector(BaseModel):
    type: Literal["vector"]

    paths: int


class DrawingLayerUnknown(UnknownVariant):
    """A variant of this union that this version of the SDK does not know.

    Every field the server sent is kept: read them as attributes or with `to_dict()`.
    """

    type: Optional[str] = None


class DrawingNoteVariant1(BaseModel):
    kind: Omittable[str] = None

    text: Omittable[str] = None


class Drawing(BaseModel):
    id: str

    layers: list[Annotated[Union[Annotated[DrawingLayerRaster, Tag("raster")], Annotated[DrawingLayerVector, Tag("vector")], Annotated[DrawingLayerUnknown, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("type", "raster", "vector"))]]
    """Told apart by `type` (no mapping; each variant has a const tag)."""

    note: Omittable[Union[Circle, DrawingNoteVariant1]] = None
    """No discriminator can be used (the variants share a tag), so a plain union."""
