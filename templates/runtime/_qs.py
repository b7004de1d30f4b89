"""Query-string flattening (OpenAPI's default for query parameters: `style: form, explode: true`).

- arrays repeat the key: `{"ids": [1, 2]}` -> `ids=1&ids=2` (a key that already ends in `[]`,
  as some specs name such parameters, e.g. OpenAI's `actor_ids[]`, is used as it is); servers
  that validate against the spec reject `ids[]=1` for a parameter named `ids`
- nested objects become bracketed keys (`style: deepObject`): `{"a": {"b": 1}}` -> `a[b]=1`
- booleans are `true` / `false`; `None` and `NOT_GIVEN` values are dropped
- other scalars use `str()` (floats keep Python's repr, e.g. `0.5`)

Multipart bodies are encoded part by part as OpenAPI says, see `_files`.

A value the spec asks to encode otherwise (its `style` / `explode`, for a query parameter or a
field of a form body) is wrapped by the generated code in `styled(value, style, explode)`:

- `form`, explode: `k=1&k=2` for `[1, 2]`, `a=1&b=2` for `{"a": 1, "b": 2}`
- `form`, no explode: `k=1,2`, `k=a,1,b,2`
- `spaceDelimited` / `pipeDelimited`, no explode: `k=1 2` / `k=1|2` (objects alike); with
  explode they are `form`'s
- `deepObject`: `k[]=1&k[]=2`, `k[a]=1&k[b]=2`; nested objects add `[key]`, arrays `[]`, or
  `[index]` when they hold objects or arrays (`line_items[0][price]=p`), as Rails-style servers
  (Stripe) read them

Values that are not wrapped cost nothing extra.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from ._types import NotGiven, is_array, is_mapping

__all__ = ["Styled", "cookie_header", "header_text", "stringify_items", "styled"]


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
    elif isinstance(value, Styled):
        value.flatten(items, key)
    else:
        raise _cannot_encode(value, key)


def _cannot_encode(value: object, key: str) -> TypeError:
    return TypeError(
        f"Cannot encode {type(value).__name__} for parameter {key!r}; "
        "use str, int, float, bool, a list or a mapping"
    )


_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


class Styled:
    """A query parameter or form field the spec encodes otherwise than `stringify_items`'s
    default (see the module docstring); made by `styled`."""

    __slots__ = ("explode", "style", "value")

    def __init__(self, value: object, style: str, explode: bool) -> None:
        self.value = value
        self.style = style
        self.explode = explode

    def __repr__(self) -> str:
        return f"styled({self.value!r}, {self.style!r}, {self.explode!r})"

    def flatten(self, items: list[tuple[str, str]], key: str) -> None:
        value = self.value
        if value is None or isinstance(value, NotGiven):
            return
        if self.style == "deepObject":
            _deep(items, key, value)
        elif self.explode:  # `form` (and exploded delimited styles, which are `form`'s)
            if is_mapping(value):
                for sub_key, sub_value in value.items():
                    _flatten(items, str(sub_key), sub_value)
            else:
                _flatten(items, key, value)
        elif is_mapping(value) or is_array(value):
            parts = (
                [text for pair in value.items() for text in pair]
                if is_mapping(value)
                else list(value)
            )
            words = [_scalar(part, key) for part in parts if part is not None]
            items.append((key, _DELIMITERS.get(self.style, ",").join(words)))
        else:
            _flatten(items, key, value)


def styled(value: object, style: str, explode: bool) -> object:
    """`value` to be encoded with OpenAPI's `style` / `explode` (`NOT_GIVEN` and `None` are left
    as they are, so they are still not sent)."""
    if value is None or isinstance(value, NotGiven):
        return value
    return Styled(value, style, explode)


def cookie_header(values: Mapping[str, object]) -> dict[str, str]:
    """`{"Cookie": "a=1; b=2"}` for the cookie parameters given (`{}` when none is): values are
    encoded as in a query string (`NOT_GIVEN` and `None` left out), then percent-encoded."""
    pairs = stringify_items(values)
    if not pairs:
        return {}
    return {"Cookie": "; ".join(f"{key}={quote(value, safe='')}" for key, value in pairs)}


def header_text(value: object, explode: bool = False) -> str:
    """A header parameter's value in OpenAPI's `simple` style (the generated code calls it for
    arrays of non-strings and for objects): arrays `a,b,c`; objects `k1,v1,k2,v2`, or with
    `explode` `k1=v1,k2=v2`; booleans `true` / `false`. `None` members are left out."""
    if is_mapping(value):
        pairs = [
            (str(k), _header_word(v))
            for k, v in value.items()
            if v is not None and not isinstance(v, NotGiven)
        ]
        return ",".join(f"{k}={v}" if explode else f"{k},{v}" for k, v in pairs)
    if is_array(value):
        return ",".join(_header_word(v) for v in value if v is not None)
    return _header_word(value)


def _header_word(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _scalar(value: object, key: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise _cannot_encode(value, key)


def _deep(items: list[tuple[str, str]], key: str, value: object) -> None:
    if value is None or isinstance(value, NotGiven):
        return
    if is_mapping(value):
        for sub_key, sub_value in value.items():
            _deep(items, f"{key}[{sub_key}]", sub_value)
    elif is_array(value):
        indexed = any(is_mapping(element) or is_array(element) for element in value)
        for index, element in enumerate(value):
            _deep(items, f"{key}[{index}]" if indexed else f"{key}[]", element)
    else:
        items.append((key, _scalar(value, key)))
