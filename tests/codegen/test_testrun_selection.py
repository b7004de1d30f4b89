"""`python -m codegen test --only`: which resources' tests run and which methods are reported."""

from __future__ import annotations

import pytest

from codegen.testrun import Selection

TESTS = {
    "files": {"test_method_create", "test_method_create_with_all_params", "test_method_list"},
    "chat.completions": {"test_method_create"},
    "fine_tuning.jobs": {"test_method_list"},
}


def test_nothing_selected_is_everything() -> None:
    everything = Selection([], TESTS)
    assert all(everything.resource(r) for r in TESTS)
    assert everything.method("client.files.list") and everything.pytest_args() == ()


def test_a_resource_takes_its_sub_resources_and_a_method_only_itself() -> None:
    chosen = Selection(["client.chat", "files.create"], TESTS)
    assert chosen.resource("chat.completions") and chosen.resource("files")
    assert not chosen.resource("fine_tuning.jobs")
    assert chosen.method("client.chat.completions.create")
    assert chosen.method("client.files.create") and not chosen.method("client.files.list")
    assert chosen.pytest_args() == ()  # a whole resource runs: its file, unfiltered


def test_methods_alone_filter_the_tests_by_name() -> None:
    chosen = Selection(["client.files.create", "client.fine_tuning.jobs.list"], TESTS)
    assert chosen.pytest_args() == ("-k", "test_method_create or test_method_list")
    assert not chosen.resource("chat.completions")


@pytest.mark.parametrize("bad", ["client.nope", "client.files.nope", "client.chat.completions.x"])
def test_an_unknown_name_is_an_error(bad: str) -> None:
    with pytest.raises(ValueError, match="no such resource or method"):
        Selection([bad], TESTS)
