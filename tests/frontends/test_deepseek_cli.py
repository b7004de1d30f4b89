"""DeepSeek's command line, run as a user runs it (`python -m deepseek_sdk ...` in a fresh
process) against the stand-in for DeepSeek: what it sends, prints and exits with."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from _frontends_support import API_KEY, run_cli
from servers import Json, ScriptedServer

PACKAGE = "deepseek_sdk"
HI = '[{"role": "user", "content": "hi"}]'


def test_create_sends_the_parameters_and_prints_the_completion(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    args = ["api", "chat.completions.create", "--model", "deepseek-chat", "--messages", HI]
    args += ["--temperature", "0.5", "--max-tokens", "20", "--stop", "END", "--logprobs"]
    ran = run_cli(PACKAGE, deepseek_root, args, env=deepseek_env)
    assert ran.code == 0, ran.stderr
    assert ran.stdout.count("\n") == 1, "piped output is one line of JSON"
    assert ran.json()["choices"][0]["message"]["content"] == "This is a test."
    (request,) = fake_deepseek.requests
    assert (request.method, request.path) == ("POST", "/chat/completions")
    assert request.header("authorization") == f"Bearer {API_KEY}"
    assert request.json() == {
        "model": "deepseek-chat",
        "messages": [{"role": "user", "content": "hi"}],
        "temperature": 0.5,
        "max_tokens": 20,
        "stop": "END",
        "logprobs": True,
    }


def test_declared_options_build_the_messages(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    args = ["api", "chat.completions.create", "-m", "deepseek-chat"]
    args += ["-g", "system", "Be brief.", "--message", "user", "hi", "--stop", "a", "--stop", "b"]
    ran = run_cli(PACKAGE, deepseek_root, args, env=deepseek_env)
    assert ran.code == 0, ran.stderr
    assert fake_deepseek.requests[0].json() == {
        "model": "deepseek-chat",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "hi"},
        ],
        "stop": ["a", "b"],
    }


def test_stream_prints_text_as_it_arrives_and_reasoning_apart(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    args = ["api", "chat.completions.create", "-m", "deepseek-reasoner", "-g", "user", "hi"]
    ran = run_cli(PACKAGE, deepseek_root, [*args, "--stream"], env=deepseek_env)
    assert ran.code == 0, ran.stderr
    # Piped: only the answer on stdout; the reasoning goes to stderr.
    assert ran.stdout == "This is a test.\n"
    assert ran.stderr == "The user wants a test.\n"
    assert fake_deepseek.requests[0].json()["stream"] is True


def test_stream_without_declared_text_prints_json_lines(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    args = ["api", "completions.create", "-m", "deepseek-chat", "--prompt", "-", "--stream"]
    ran = run_cli(PACKAGE, deepseek_root, args, env=deepseek_env, stdin="def fib(a):\n")
    assert ran.code == 0, ran.stderr
    # completions.create declares `choices.*.text`: the text, whole.
    assert ran.stdout == "\n    if a <= 1:\n        return a\n\n"
    assert fake_deepseek.requests[0].json()["prompt"] == "def fib(a):"


def test_list_prints_one_page_and_all_pages_with_all(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    page = run_cli(
        PACKAGE, deepseek_root, ["api", "fine_tuning.jobs.list", "--limit", "2"], env=deepseek_env
    )
    assert page.code == 0, page.stderr
    assert [job["id"] for job in page.json()["data"]] == ["ftjob-001", "ftjob-002"]
    assert page.json()["has_more"] is True
    every = run_cli(
        PACKAGE,
        deepseek_root,
        ["api", "fine_tuning.jobs.list", "--limit", "2", "--all"],
        env=deepseek_env,
    )
    assert every.code == 0, every.stderr
    assert [job["id"] for job in every.json()] == [f"ftjob-00{n}" for n in range(1, 6)]
    queries = [r.query for r in fake_deepseek.requests[1:]]
    assert queries == [
        {"limit": ["2"]},
        {"limit": ["2"], "after": ["ftjob-002"]},
        {"limit": ["2"], "after": ["ftjob-004"]},
    ]


def test_models_list_and_balance(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    models = run_cli(PACKAGE, deepseek_root, ["api", "models.list"], env=deepseek_env)
    assert [m["id"] for m in models.json()["data"]] == ["deepseek-chat", "deepseek-reasoner"]
    balance = run_cli(PACKAGE, deepseek_root, ["api", "user.balance"], env=deepseek_env)
    assert balance.json()["balance_infos"][0]["total_balance"] == "110.00"
    one = run_cli(PACKAGE, deepseek_root, ["api", "models.retrieve", "x y/z"], env=deepseek_env)
    assert one.code == 0, one.stderr
    assert fake_deepseek.requests[-1].target == "/models/x%20y%2Fz"  # one path segment


def test_upload_a_file_and_download_it(
    tmp_path: Path,
    deepseek_root: Path,
    deepseek_env: dict[str, str],
    fake_deepseek: ScriptedServer,
) -> None:
    data = tmp_path / "train.jsonl"
    data.write_bytes(b'{"prompt": "hi"}\n')
    ran = run_cli(
        PACKAGE,
        deepseek_root,
        ["api", "files.create", "--file", f"@{data}", "--purpose", "fine-tune"],
        env=deepseek_env,
    )
    assert ran.code == 0, ran.stderr
    assert ran.json()["filename"] == "train.jsonl"
    assert ran.json()["bytes"] == len(data.read_bytes())
    assert "multipart/form-data" in (fake_deepseek.requests[0].header("content-type") or "")
    out = tmp_path / "copy.jsonl"
    got = run_cli(
        PACKAGE,
        deepseek_root,
        ["api", "files.content", ran.json()["id"], "-o", str(out)],
        env=deepseek_env,
    )
    assert got.code == 0, got.stderr
    assert got.stdout == ""
    assert out.read_bytes() == data.read_bytes()


def test_upload_from_standard_input(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    args = ["api", "files.create", "--file", "-", "--purpose", "fine-tune"]
    ran = run_cli(PACKAGE, deepseek_root, args, env=deepseek_env, stdin='{"a": 1}\n')
    assert ran.code == 0, ran.stderr
    assert ran.json()["bytes"] == len('{"a": 1}\n')


def test_json_from_a_file(
    tmp_path: Path,
    deepseek_root: Path,
    deepseek_env: dict[str, str],
    fake_deepseek: ScriptedServer,
) -> None:
    messages = tmp_path / "messages.json"
    messages.write_text(HI, encoding="utf-8")
    args = ["api", "chat.completions.create", "-m", "deepseek-chat", "--messages", f"@{messages}"]
    ran = run_cli(PACKAGE, deepseek_root, args, env=deepseek_env)
    assert ran.code == 0, ran.stderr
    assert fake_deepseek.requests[0].json()["messages"] == json.loads(HI)


def test_an_api_error_exits_1_with_message_and_request_id(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    args = ["api", "fine_tuning.jobs.create", "--model", "deepseek-chat"]
    ran = run_cli(PACKAGE, deepseek_root, [*args, "--training-file", "file-x"], env=deepseek_env)
    assert ran.code == 1
    assert ran.stdout == ""
    assert "400: training_file 'file-x' does not exist" in ran.stderr
    assert "request id: req_0" in ran.stderr
    assert API_KEY not in ran.stdout + ran.stderr


def test_an_error_never_shows_the_key(
    deepseek_root: Path, deepseek_env: dict[str, str], scripted_server: ScriptedServer
) -> None:
    message = {"error": {"message": f"Incorrect API key provided: {API_KEY}", "type": "auth"}}
    scripted_server.enqueue(Json(message, status=401))
    env = {**deepseek_env, "DEEPSEEK_BASE_URL": scripted_server.url}
    ran = run_cli(PACKAGE, deepseek_root, ["api", "models.list"], env=env)
    assert ran.code == 1
    assert "401: Incorrect API key provided: ***" in ran.stderr
    assert API_KEY not in ran.stderr


def test_raw_shows_status_headers_and_body(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    ran = run_cli(PACKAGE, deepseek_root, ["api", "user.balance", "--raw"], env=deepseek_env)
    assert ran.code == 0, ran.stderr
    head, _, body = ran.stdout.partition("\n\n")
    assert head.splitlines()[0] == "HTTP/1.1 200 OK"
    assert "x-request-id: req_0" in head.splitlines()
    assert json.loads(body)["is_available"] is True


def test_raw_error_shows_the_response_and_exits_1(
    deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    args = ["api", "fine_tuning.jobs.create", "--model", "m", "--training-file", "f", "--raw"]
    ran = run_cli(PACKAGE, deepseek_root, args, env=deepseek_env)
    assert ran.code == 1
    assert ran.stdout.startswith("HTTP/1.1 400 Bad Request\n")
    assert "does not exist" in ran.stdout.partition("\n\n")[2]


def test_flags_and_top_level_options_override_the_environment(
    deepseek_root: Path, fake_deepseek: ScriptedServer
) -> None:
    env = {"DEEPSEEK_BASE_URL": "http://127.0.0.1:9"}  # nothing listens there
    args = ["--base-url", fake_deepseek.url, "api", "models.list", "--api-key", "sk-flag"]
    ran = run_cli(PACKAGE, deepseek_root, args, env=env)
    assert ran.code == 0, ran.stderr
    assert fake_deepseek.requests[0].header("authorization") == "Bearer sk-flag"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["api", "chat.completions.create", "-m", "x"], "required: --messages or -g"),
        (["api", "chat.completions.creat"], "did you mean chat.completions.create"),
        (["api", "models.list", "--bogus", "1"], "unrecognized arguments: --bogus"),
        (["api", "chat.completions.create", "-m", "x", "--messages", "[oops"], "not valid JSON"),
        (["api", "chat.completions.create", "-m", "x", "-g", "user"], "expected 2 arguments"),
        (["api", "fine_tuning.jobs.list", "--limit", "many"], "expected an integer"),
        (["api", "files.create", "--file", "f.jsonl", "--purpose", "p"], "expected a file as @"),
        (["api", "files.create", "--file", "@/no/such", "--purpose", "p"], "no such file"),
        (["api", "models.list", "--stream"], "unrecognized arguments: --stream"),
        (["api", "user.balance", "--all"], "unrecognized arguments: --all"),
        (["api"], "Operations of the DeepSeek API"),
        ([], "a command is required"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_without_a_request(
    deepseek_root: Path,
    deepseek_env: dict[str, str],
    fake_deepseek: ScriptedServer,
    args: list[str],
    message: str,
) -> None:
    ran = run_cli(PACKAGE, deepseek_root, args, env=deepseek_env)
    assert ran.code == 2
    assert message in ran.stderr
    assert not fake_deepseek.requests


def test_a_missing_key_is_a_usage_error_naming_the_variable(deepseek_root: Path) -> None:
    ran = run_cli(PACKAGE, deepseek_root, ["api", "models.list"])
    assert ran.code == 2
    assert "DEEPSEEK_API_KEY" in ran.stderr


def test_an_unreachable_server_exits_1(deepseek_root: Path) -> None:
    env = {"DEEPSEEK_API_KEY": API_KEY, "DEEPSEEK_BASE_URL": "http://127.0.0.1:9"}
    ran = run_cli(PACKAGE, deepseek_root, ["api", "models.list", "--max-retries", "0"], env=env)
    assert ran.code == 1
    assert "error: Connection error" in ran.stderr


def test_help_at_every_level(deepseek_root: Path) -> None:
    top = run_cli(PACKAGE, deepseek_root, ["--help"])
    assert top.code == 0
    assert top.stdout.startswith("usage: deepseek ")
    assert {"api", "completion", "mcp"} <= set(top.stdout.split())
    api = run_cli(PACKAGE, deepseek_root, ["api", "--help"])
    assert api.code == 0
    assert "  chat.completions.create" in api.stdout
    assert "Create a chat completion" in api.stdout
    resource = run_cli(PACKAGE, deepseek_root, ["api", "fine_tuning", "--help"])
    assert resource.code == 0
    assert "fine_tuning.jobs.list_events" in resource.stdout
    assert "chat.completions" not in resource.stdout
    one = run_cli(PACKAGE, deepseek_root, ["api", "files.create", "--help"])
    assert one.code == 0
    for text in ("Upload a file", "--file @FILE", "--purpose PURPOSE", "POST /files"):
        assert text in one.stdout
    chat = run_cli(PACKAGE, deepseek_root, ["api", "chat.completions.create", "--help"])
    for text in ("-g ROLE CONTENT, --message ROLE CONTENT", "--stream", "DEEPSEEK_API_KEY"):
        assert text in chat.stdout
    version = run_cli(PACKAGE, deepseek_root, ["--version"])
    assert version.stdout.startswith("deepseek 0.")


def test_python_m_cli_is_the_same_command(deepseek_root: Path) -> None:
    ran = run_cli(PACKAGE, deepseek_root, ["api", "--help"], module="deepseek_sdk.cli")
    assert ran.code == 0
    assert "chat.completions.create" in ran.stdout


def test_completion_scripts_and_candidates(deepseek_root: Path) -> None:
    bash = run_cli(PACKAGE, deepseek_root, ["completion", "bash"])
    assert bash.code == 0
    assert "complete -o default -F _deepseek_complete deepseek" in bash.stdout
    zsh = run_cli(PACKAGE, deepseek_root, ["completion", "zsh"])
    assert "compdef _deepseek_complete deepseek" in zsh.stdout

    def complete(*words: str) -> list[str]:
        return run_cli(PACKAGE, deepseek_root, ["completion", "--complete", *words]).stdout.split()

    assert complete("a") == ["api"]
    assert complete("api", "chat.") == ["chat.completions.create"]
    assert "--max-tokens" in complete("api", "chat.completions.create", "--ma")
    assert complete("api", "files.list", "--order", "") == ["asc", "desc"]
    assert complete("api", "chat.completions.create", "--reasoning-effort", "") == [
        "high",
        "low",
        "max",
    ]


def test_completion_help_survives_stripped_docstrings(deepseek_root: Path) -> None:
    """The help is the module's docstring; `python -OO` (PYTHONOPTIMIZE=2) strips it."""
    full = run_cli(PACKAGE, deepseek_root, ["completion", "--help"])
    assert full.code == 0, full.stderr
    assert 'eval "$(deepseek completion bash)"' in full.stdout
    stripped = run_cli(
        PACKAGE, deepseek_root, ["completion", "--help"], env={"PYTHONOPTIMIZE": "2"}
    )
    assert stripped.code == 0, stripped.stderr
    assert stripped.stdout == "usage: deepseek completion {bash,zsh}\n"


def test_the_readme_commands_work(
    tmp_path: Path, deepseek_root: Path, deepseek_env: dict[str, str], fake_deepseek: ScriptedServer
) -> None:
    readme = (deepseek_root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("## MCP server", 1)[0]
    commands = [line for line in section.splitlines() if line.startswith("deepseek api ")]
    assert len(commands) >= 5
    (tmp_path / "example.jsonl").write_text('{"prompt": "hi"}\n', encoding="utf-8")
    for line in commands:
        args = [
            a.replace("@example.jsonl", f"@{tmp_path}/example.jsonl") for a in shlex.split(line)
        ]
        ran = run_cli(PACKAGE, deepseek_root, args[1:], env=deepseek_env)
        assert ran.code == 0, (line, ran.stderr)
