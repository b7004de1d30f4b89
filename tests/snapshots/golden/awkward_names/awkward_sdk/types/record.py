import builtins

from pydantic import Field

from .._models import BaseModel, Omittable

__all__ = ["Record"]


class Record(BaseModel):
    """Ends with a quote\""""

    class_: Omittable[builtins.str] = Field(default=None, alias="class")

    schema_: Omittable[builtins.str] = Field(default=None, alias="schema")
    """Shadows BaseModel.schema."""

    model_name_: Omittable[builtins.str] = Field(default=None, alias="model_name")

    n_2fa: Omittable[bool] = Field(default=None, alias="2fa")

    api_key_created: Omittable[int] = Field(default=None, alias="api-key.created")

    id_: Omittable[builtins.str] = Field(default=None, alias="_id")

    str: Omittable[builtins.str] = None
    """Shadows the builtin used below."""

    label: Omittable[builtins.str] = None

    object: Omittable[builtins.str] = None
    """Shadows the builtin `metadata` uses."""

    metadata: Omittable[dict[builtins.str, builtins.object]] = None

    Tag: Omittable[builtins.str] = None
