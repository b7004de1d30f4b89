"""`codegen release` (and its alias `changelog`): the version from the diff, its CHANGELOG.md
section written once, the version written into the config and the regenerated package."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.review.changes import Change
from codegen.review.release import apply_version, next_version, plan, read_sections, write_section

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
OLD, NEW = FIXTURES / "old.yaml", FIXTURES / "new.yaml"


def _change(level: str = "breaking", subject: str = "X") -> Change:
    return Change("type-removed", level, subject, "", None, None, None, "gone")  # type: ignore[arg-type]


def test_next_version_keeps_0_x_below_1_0() -> None:
    assert next_version("1.4.2", "major") == "2.0.0"
    assert next_version("1.4.2", "minor") == "1.5.0"
    assert next_version("0.1.0", "major") == "0.2.0"  # breaking before 1.0: the minor number
    assert next_version("0.1.0", "minor") == "0.1.1"
    assert next_version("0.1.0", "patch") == "0.1.1"


def test_a_section_is_written_once_and_drafts_are_replaced(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    first = plan([_change()], "", "1.2.3", "1.2.3", True)
    assert (first.version, first.recorded) == ("2.0.0", False)
    assert write_section(changelog, first, "report one\n")
    text = changelog.read_text()
    assert text.startswith("# Changelog\n\n## 2.0.0\n<!-- sdkgen-release base=1.2.3 changes=")
    again = plan([_change()], text, "1.2.3", "2.0.0", True)
    assert again.recorded and not write_section(changelog, again, "report one\n")
    # the spec changed again before the release: the draft for base 1.2.3 is replaced
    draft = plan([_change("non-breaking", "Y")], text, "1.2.3", "2.0.0", True)
    assert draft.version == "1.3.0"
    assert write_section(changelog, draft, "report two\n")
    text = changelog.read_text()
    assert [s.version for s in read_sections(text)] == ["1.3.0"]
    assert "report one" not in text and "report two" in text
    # released as 1.3.0: the next changes start a new section above it
    following = plan([_change()], text, "1.3.0", "1.3.0", True)
    write_section(changelog, following, "report three\n")
    assert [s.version for s in read_sections(changelog.read_text())] == ["2.0.0", "1.3.0"]


def test_without_the_old_config_a_rerun_finds_its_own_section(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    first = plan([_change()], "", "0.1.0", "0.1.0", False)
    write_section(changelog, first, "report\n")
    # the config now says 0.2.0 (applied by the first run); the base stays 0.1.0
    again = plan([_change()], changelog.read_text(), "0.2.0", "0.2.0", False)
    assert (again.base, again.version, again.recorded) == ("0.1.0", "0.2.0", True)


def test_apply_version_edits_the_line_in_place(tmp_path: Path) -> None:
    config = tmp_path / "sdk.yaml"
    config.write_text("package: p\nversion: 0.1.0   # the SDK's version\nclient: C\n")
    assert apply_version(config, "0.2.0")
    assert config.read_text() == "package: p\nversion: 0.2.0  # the SDK's version\nclient: C\n"
    assert not apply_version(config, "0.2.0")
    bare = tmp_path / "bare.yaml"
    bare.write_text("package: p")
    assert apply_version(bare, "1.0.0") and bare.read_text() == "package: p\nversion: 1.0.0\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_release_is_one_idempotent_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    (repo / "spec").mkdir(parents=True)
    (repo / "generated").mkdir()
    shutil.copy(OLD, repo / "spec" / "openapi.yaml")
    (repo / "spec" / "sdk.yaml").write_text("package: petstore\nversion: 0.1.0\n")

    def git(*args: str) -> None:
        identity = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
        subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "0.1.0")
    shutil.copy(NEW, repo / "spec" / "openapi.yaml")  # breaking changes
    monkeypatch.chdir(repo)

    assert main(["release", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "CHANGELOG.md: wrote 0.2.0 (major bump from 0.1.0;" in out
    assert "spec/sdk.yaml: version 0.2.0" in out
    assert 'version = "0.2.0"' in (repo / "generated" / "pyproject.toml").read_text()
    assert '__version__ = "0.2.0"' in (repo / "generated/petstore/_version.py").read_text()
    files = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts}

    assert main(["changelog", "--no-cache"]) == 0  # again, same specs: nothing changes
    assert "CHANGELOG.md: already has 0.2.0" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in files} == files
    assert [s.version for s in read_sections((repo / "CHANGELOG.md").read_text())] == ["0.2.0"]

    git("add", ".")
    git("commit", "-q", "-m", "0.2.0")
    spec = repo / "spec" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("info:", "x-note: unchanged surface\ninfo:", 1))
    assert main(["release", "--no-cache"]) == 0
    assert "no SDK surface changes" in capsys.readouterr().out
