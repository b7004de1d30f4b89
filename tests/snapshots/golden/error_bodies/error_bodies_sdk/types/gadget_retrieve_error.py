from .._models import BaseModel

__all__ = ["GadgetRetrieveError"]


class GadgetRetrieveError(BaseModel):
    outage: str
    """What is down."""
