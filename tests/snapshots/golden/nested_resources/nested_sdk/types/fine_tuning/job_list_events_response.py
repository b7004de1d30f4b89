from ..._models import BaseModel

__all__ = ["JobListEventsResponse"]


class JobListEventsResponse(BaseModel):
    message: str
