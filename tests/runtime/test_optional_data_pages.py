"""The `...OptionalData` twin of each page class: for a list response whose spec lets the
server leave `data` out (Mistral's `BatchJobsOut`, DigitalOcean's model catalog). A page
without `data` is an empty page, the last one, under strict validation too; the page classes
themselves still require `data`, as the specs that use them do."""

from __future__ import annotations

import json

import pydantic
import pytest
from things_sdk import _pagination
from things_sdk._models import validate_json
from things_sdk.pagination import SyncPageNumberPageOptionalData
from things_sdk.types import Thing

KINDS = ["Page", "CursorPage", "NextUrlPage", "PageNumberPage"]
CLASSES = [f"{side}{kind}" for kind in KINDS for side in ("Sync", "Async")]


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("name", CLASSES)
def test_a_response_without_data_is_an_empty_last_page(name: str, strict: bool) -> None:
    base = getattr(_pagination, name)
    twin = getattr(_pagination, name + "OptionalData")
    assert issubclass(twin, base)
    page = validate_json(twin[Thing], json.dumps({"total": 0}), strict=strict)
    assert page.data == [] and page.next_page_info() is None
    full = validate_json(twin[Thing], json.dumps({"data": [{"id": "a"}]}), strict=strict)
    assert [t.id for t in full.data] == ["a"]


@pytest.mark.parametrize("name", CLASSES)
def test_the_page_classes_still_require_data_when_strict(name: str) -> None:
    with pytest.raises(pydantic.ValidationError, match="data"):
        validate_json(getattr(_pagination, name)[Thing], json.dumps({"total": 0}), strict=True)


def test_the_twins_are_public() -> None:
    page = SyncPageNumberPageOptionalData[Thing].model_validate({})
    assert not page.has_next_page()
