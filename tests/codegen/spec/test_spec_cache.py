"""codegen.spec.cache: a parsed file is reused by content, never by name or age."""

from __future__ import annotations

from pathlib import Path

import pytest
from _spec_support import MINIMAL, write

from codegen.errors import SpecError
from codegen.spec import cache, load_spec, read_document


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.marshal"))


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The shown names of the files actually parsed (not served from the cache)."""
    from codegen.spec import read

    parsed: list[str] = []
    real = read._parse

    def counting(data: bytes, is_json: bool, shown: str) -> object:
        parsed.append(Path(shown).name)
        return real(data, is_json, shown)

    monkeypatch.setattr(read, "_parse", counting)
    return parsed


def test_off_unless_asked_for(tmp_path: Path, counted: list[str]) -> None:
    spec = write(tmp_path, "api.yaml", MINIMAL)
    read_document(spec)
    read_document(spec)
    assert counted == ["api.yaml", "api.yaml"]
    assert cache.directory() is None


def test_a_file_is_parsed_once_per_content(tmp_path: Path, counted: list[str]) -> None:
    store = tmp_path / "cache"
    spec = write(tmp_path, "api.yaml", MINIMAL)
    with cache.use(store):
        first = read_document(spec)
        again = read_document(spec)
        copy = write(tmp_path, "elsewhere/copy.yaml", MINIMAL)  # same bytes, other name
        assert read_document(copy) == first
        spec.write_text(MINIMAL.replace("type: string", "type: integer"))
        changed = read_document(spec)
    assert cache.directory() is None  # restored after the block
    assert again == first and again is not first  # a fresh object: callers may mutate it
    assert changed["paths"] != first["paths"]
    assert counted == ["api.yaml", "api.yaml"]
    assert len(_entries(store)) == 2


def test_json_and_yaml_of_the_same_bytes_are_separate_entries(tmp_path: Path) -> None:
    store = tmp_path / "cache"
    text = '{"openapi": "3.1.0", "x": 1}'
    with cache.use(store):
        assert read_document(write(tmp_path, "a.json", text)) == {"openapi": "3.1.0", "x": 1}
        assert read_document(write(tmp_path, "a.yaml", text)) == {"openapi": "3.1.0", "x": 1}
    assert len(_entries(store)) == 2


def test_errors_are_not_cached_and_a_broken_entry_is_a_miss(
    tmp_path: Path, counted: list[str]
) -> None:
    store = tmp_path / "cache"
    bad = write(tmp_path, "bad.yaml", "a: [1,\n")
    with cache.use(store):
        for _ in range(2):
            with pytest.raises(SpecError, match="invalid YAML at line"):
                read_document(bad)
        assert _entries(store) == []
        spec = write(tmp_path, "api.yaml", MINIMAL)
        read_document(spec)
        (entry,) = _entries(store)
        entry.write_bytes(b"\x00not marshal")
        assert load_spec(spec).document["openapi"] == "3.1.0"
    assert counted == ["bad.yaml", "bad.yaml", "api.yaml", "api.yaml"]


def test_least_recently_used_entries_go_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "cache"
    with cache.use(store):
        read_document(write(tmp_path, "one.yaml", "a: 1\n"))
        size = _entries(store)[0].stat().st_size
        monkeypatch.setattr(cache, "MAX_BYTES", 2 * size)
        read_document(write(tmp_path, "two.yaml", "a: 2\n"))
        read_document(write(tmp_path, "three.yaml", "a: 3\n"))
    assert len(_entries(store)) == 2
