"""Query-string flattening (OpenAPI's default for query parameters: `style: form, explode: true`).

- arrays repeat the key: `{"ids": [1, 2]}` -> `ids=1&ids=2` (a key that already ends in `[]`,
  as some specs name such parameters, e.g. OpenAI's `actor_ids[]`, is used as it is); servers
  that validate against the spec reject `ids[]=1` for a parameter named `ids`
- nested objects become bracketed keys (`style: deepObject`): `{"a": {"b": 1}}` -> `a[b]=1`
- booleans are `true` / `false`; `None` and `NOT_GIVEN` values are dropped
- other scalars use `str()` (floats keep Python's repr, e.g. `0.5`)

Multipart bodies keep their own "brackets" encoding (arrays as `a[]=v`), see `_files`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._types import NotGiven, is_array, is_mapping

__all__ = ["stringify_items"]


def stringify_items(params: Mapping[str, object]) -> list[tuple[str, str]]:
    """Flatten `params` into ordered `(key, value)` pairs using the style above.

    >>> stringify_items({"limit": 20, "order": None, "tags": ["x", "y"], "f": {"on": True}})
    [('limit', '20'), ('tags', 'x'), ('tags', 'y'), ('f[on]', 'true')]
    """
    items: list[tuple[str, str]] = []
    for key, value in params.items():
        _flatten(items, key, value)
    return items


def _flatten(items: list[tuple[str, str]], key: str, value: object) -> None:
    if value is None or isinstance(value, NotGiven):
        return
    if isinstance(value, bool):
        items.append((key, "true" if value else "false"))
    elif isinstance(value, (str, int, float)):
        items.append((key, str(value)))
    elif is_mapping(value):
        for sub_key, sub_value in value.items():
            _flatten(items, f"{key}[{sub_key}]", sub_value)
    elif is_array(value):
        for element in value:
            _flatten(items, key, element)
    else:
        raise TypeError(
            f"Cannot encode {type(value).__name__} for parameter {key!r}; "
            "use str, int, float, bool, a list or a mapping"
        )
