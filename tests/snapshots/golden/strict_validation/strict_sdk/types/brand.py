from typing import Annotated, Literal, Optional, Union

from .._constraints import StrictConstraints
from .._models import OPEN_ENUM, BaseModel, Omittable, OpenEnum
from .vetting import Vetting

__all__ = ["Brand"]


class Brand(BaseModel, closed=True):
    """What strict response validation checks, one feature per property."""

    sid: Annotated[str, StrictConstraints(min_length=34, max_length=34, pattern="^BN[0-9a-f]{32}$")]

    tier: Annotated[Union[Literal[1, 2, 3], int], OPEN_ENUM]

    status: Omittable[OpenEnum[Literal["pending", "approved"]]] = None

    score: Omittable[Annotated[float, StrictConstraints(gt=0, le=100, multiple_of=0.5)]] = None

    tags: Omittable[Annotated[list[str], StrictConstraints(min_length=1, unique_items=True)]] = None

    labels: Omittable[Annotated[dict[str, str], StrictConstraints(max_length=8)]] = None

    note: Optional[Annotated[str, StrictConstraints(max_length=140)]] = None

    vetting: Omittable[Vetting] = None
