"""A discriminated union whose variants may leave the tag out (`tag_of(..., untagged=True)`).

Mistral's fine-tuning jobs are `oneOf: [CompletionJob, ClassifierJob]` discriminated by
`job_type`, which each variant leaves optional (a `const` with a `default`), and the server
omits it. Such a value is one of the variants (JSON Schema validates it against each), not a
variant the SDK does not know: it selects the `UNTAGGED` member, a plain union of the variants
that may omit the tag, strict or not. A tag the SDK does not know still selects `...Unknown`.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

import pydantic
import pytest
from things_sdk._discriminated import UNKNOWN_TAG, UNTAGGED, tag_of
from things_sdk._models import BaseModel, UnknownVariant, construct_lenient, validate_json


class CompletionJob(BaseModel):
    id: str
    job_type: Literal["completion"] | None = "completion"
    suffix: str | None = None


class ClassifierJob(BaseModel):
    id: str
    targets: list[str]
    job_type: Literal["classifier"] | None = "classifier"


class JobUnknown(UnknownVariant):
    job_type: str | None = None


Job = Annotated[
    Annotated[CompletionJob, pydantic.Tag("completion")]
    | Annotated[ClassifierJob, pydantic.Tag("classifier")]
    | Annotated[CompletionJob | ClassifierJob, pydantic.Tag(UNTAGGED)]
    | Annotated[JobUnknown, pydantic.Tag(UNKNOWN_TAG)],
    pydantic.Discriminator(tag_of("job_type", "completion", "classifier", untagged=True)),
]


class Page(BaseModel):
    data: list[Job]


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(
    ("value", "cls"),
    [
        ({"id": "j", "suffix": "s"}, CompletionJob),
        ({"id": "j", "targets": ["a"]}, ClassifierJob),
        ({"id": "j", "job_type": "classifier", "targets": []}, ClassifierJob),
    ],
)
def test_a_value_without_the_tag_is_one_of_the_variants(
    value: dict[str, Any], cls: type, strict: bool
) -> None:
    page = validate_json(Page, json.dumps({"data": [value]}), strict=strict)
    assert type(page.data[0]) is cls


def test_an_unknown_tag_is_still_unknown() -> None:
    value = {"data": [{"id": "j", "job_type": "dpo"}]}
    page = validate_json(Page, json.dumps(value))
    assert isinstance(page.data[0], JobUnknown)
    with pytest.raises(pydantic.ValidationError) as caught:
        validate_json(Page, json.dumps(value), strict=True)
    assert caught.value.errors()[0]["type"] == "unknown_variant"


def test_without_untagged_a_missing_tag_is_unknown() -> None:
    """Variants that require the tag: a value without it is none of them."""
    discriminate = tag_of("job_type", "completion", "classifier")
    assert discriminate({"id": "j"}) == UNKNOWN_TAG
    assert tag_of("job_type", "completion", untagged=True)({"id": "j"}) == UNTAGGED
    assert tag_of("job_type", "completion", untagged=True)({"job_type": None}) == UNKNOWN_TAG


def test_a_value_without_the_tag_that_fits_no_variant_fails_strict_and_is_kept_lenient() -> None:
    value = {"data": [{"targets": "not a list"}]}
    with pytest.raises(pydantic.ValidationError):
        validate_json(Page, json.dumps(value), strict=True)
    page = construct_lenient(Page, value)
    assert page.data[0].targets == "not a list"
