from typing import Annotated, Literal, Optional, Union

from pydantic import Discriminator, Tag

from .._discriminated import UNKNOWN_TAG, UNTAGGED, tag_of
from .._models import BaseModel, Omittable, UnknownVariant
from .circle import Circle
from .seal import Seal

__all__ = ["Drawing", "DrawingLayerRaster", "DrawingLayerUnknown", "DrawingLayerVector", "DrawingNoteVariant1", "DrawingStampUnknown"]


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


class DrawingStampUnknown(UnknownVariant):
    """A variant of this union that this version of the SDK does not know.

    Every field the server sent is kept: read them as attributes or with `to_dict()`.
    """

    kind: Optional[str] = None


class DrawingNoteVariant1(BaseModel):
    kind: Omittable[str] = None

    text: Omittable[str] = None


class Drawing(BaseModel):
    id: str

    layers: list[Annotated[Union[Annotated[DrawingLayerRaster, Tag("raster")], Annotated[DrawingLayerVector, Tag("vector")], Annotated[DrawingLayerUnknown, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("type", "raster", "vector"))]]
    """Told apart by `type` (no mapping; each variant has a const tag)."""

    stamp: Omittable[Annotated[Union[Annotated[Seal, Tag("seal")], Annotated[Circle, Tag("circle")], Annotated[Seal, Tag(UNTAGGED)], Annotated[DrawingStampUnknown, Tag(UNKNOWN_TAG)]], Discriminator(tag_of("kind", "seal", "circle", untagged=True))]] = None
    """Told apart by `kind`, which `Seal` leaves optional (a `const` with a `default`): a stamp
    without `kind` is validated as a `Seal`, not taken for an unknown variant.
    """

    note: Omittable[Union[Circle, DrawingNoteVariant1]] = None
    """No discriminator can be used (the variants share a tag), so a plain union."""
