import builtins
from typing import Optional

from pydantic import Field

from .._models import BaseModel

__all__ = ["Record"]


class Record(BaseModel):
    """Ends with a quote\""""

    class_: Optional[builtins.str] = Field(default=None, alias="class")

    schema_: Optional[builtins.str] = Field(default=None, alias="schema")
    """Shadows BaseModel.schema."""

    model_name_: Optional[builtins.str] = Field(default=None, alias="model_name")

    n_2fa: Optional[bool] = Field(default=None, alias="2fa")

    api_key_created: Optional[int] = Field(default=None, alias="api-key.created")

    id_: Optional[builtins.str] = Field(default=None, alias="_id")

    str: Optional[builtins.str] = None
    """Shadows the builtin used below."""

    label: Optional[builtins.str] = None

    object: Optional[builtins.str] = None
    """Shadows the builtin `metadata` uses."""

    metadata: Optional[dict[builtins.str, builtins.object]] = None

    Tag: Optional[builtins.str] = None
