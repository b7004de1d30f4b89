"""codegen.config: every key optional, unknown keys and bad values rejected with a pointer."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.config import (
    CliConfig,
    CliOptionConfig,
    Config,
    FrontendsConfig,
    Helper,
    McpConfig,
    OperationOverride,
    StreamTextConfig,
    TypeNames,
    load_config,
    parse_config,
)
from codegen.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]


def test_no_config_is_all_defaults() -> None:
    assert load_config(None) == Config()
    assert parse_config({}) == Config()


def test_project_config_parses() -> None:
    config = load_config(REPO / "spec" / "sdk.yaml")
    assert config.package == "deepseek_sdk"
    assert config.client == "DeepSeek"
    assert config.env.api_key == "DEEPSEEK_API_KEY"
    assert config.operations["GET /user/balance"] == OperationOverride("user", "balance")
    assert Helper("chat.completions", "chat_helpers") in config.helpers
    assert config.types["ChatCompletionMessageInput"] == TypeNames(
        param="ChatCompletionMessageParam"
    )


def test_frontends_default_to_both_and_parse() -> None:
    assert parse_config({}).frontends == FrontendsConfig(CliConfig(), McpConfig())
    assert parse_config({"frontends": {"cli": False, "mcp": False}}).frontends == FrontendsConfig(
        None, None
    )
    config = load_config(REPO / "spec" / "sdk.yaml").frontends
    assert config.cli is not None and config.cli.command == "deepseek"
    chat = config.cli.methods["chat.completions.create"]
    assert chat.options[1] == CliOptionConfig(
        flags=("-g", "--message"),
        param="messages",
        keys=("role", "content"),
        help=chat.options[1].help,
    )
    assert chat.stream == StreamTextConfig(
        "choices.*.delta.content", "choices.*.delta.reasoning_content"
    )
    assert config.cli.methods["beta.chat.completions.create"] == chat


def test_operation_keys_are_normalised() -> None:
    config = parse_config({"operations": {"get /a/{id}": {"paginate": "cursor"}}})
    assert config.operations == {"GET /a/{id}": OperationOverride(paginate="cursor")}
    assert parse_config({"version": 1.5}).version == "1.5"


@pytest.mark.parametrize("paginate", ["cursor", "page", "next_url", "page_number", "none"])
def test_every_paginate_scheme_is_accepted(paginate: str) -> None:
    config = parse_config({"operations": {"GET /a": {"paginate": paginate}}})
    assert config.operations["GET /a"].paginate == paginate


def test_types_section_renames_per_side() -> None:
    config = parse_config({"types": {"Msg": {"param": "MessageParam", "model": "Message"}}})
    assert config.types == {"Msg": TypeNames(model="Message", param="MessageParam")}


@pytest.mark.parametrize(
    ("data", "pointer", "fragment"),
    [
        ({"packge": "x"}, "#/packge", "unknown key 'packge'"),
        ({"env": {"api": "X"}}, "#/env/api", "unknown key 'api'"),
        ({"operations": {"GET /a": {"name": "x"}}}, "#/operations/GET ~1a/name", "unknown key"),
        ({"operations": {"FETCH /a": {}}}, "#/operations/FETCH ~1a", "look like 'GET /path'"),
        (
            {"operations": {"GET /a": {"paginate": "offset"}}},
            "#/operations/GET ~1a/paginate",
            "cursor",
        ),
        (
            {"operations": {"GET /a": {"method": "not valid"}}},
            "#/operations/GET ~1a/method",
            "not valid",
        ),
        ({"package": "my-sdk"}, "#/package", "not valid"),
        ({"helpers": {"chat": "a:b"}}, "#/helpers/chat", "expected a module under lib/"),
        ({"env": "DEEPSEEK"}, "#/env", "expected a mapping"),
        ({"types": {"Msg": {}}}, "#/types/Msg", "`model` and/or a `param`"),
        ({"types": {"Msg": {"params": "X"}}}, "#/types/Msg/params", "unknown key"),
        ({"types": {"Msg": {"param": "not-a-name"}}}, "#/types/Msg/param", "not valid"),
        ({"client": ""}, "#/client", "non-empty string"),
        (["a"], "#", "expected a mapping"),
        ({"frontends": {"web": True}}, "#/frontends/web", "unknown key 'web'"),
        ({"frontends": {"cli": {"command": "no spaces"}}}, "#/frontends/cli/command", "not valid"),
        (
            {"frontends": {"cli": {"methods": {"create": {}}}}},
            "#/frontends/cli/methods/create",
            "dotted",
        ),
        (
            {
                "frontends": {
                    "cli": {"methods": {"a.b": {"options": [{"flags": ["-gg"], "param": "x"}]}}}
                }
            },
            "#/frontends/cli/methods/a.b/options/0/flags/0",
            "not valid",
        ),
        (
            {"frontends": {"cli": {"methods": {"a.b": {"options": [{"flags": ["-g"]}]}}}}},
            "#/frontends/cli/methods/a.b/options/0/param",
            "name the parameter",
        ),
        (
            {
                "frontends": {
                    "cli": {
                        "methods": {"a.b": {"options": [{"flags": ["-g", "-g"], "param": "x"}]}}
                    }
                }
            },
            "#/frontends/cli/methods/a.b/options/0/flags",
            "twice",
        ),
        (
            {"frontends": {"cli": {"methods": {"a.b": {"stream": {"reasoning": "x"}}}}}},
            "#/frontends/cli/methods/a.b/stream/text",
            "path of the text",
        ),
        ({"frontends": {"mcp": {"name": "x"}}}, "#/frontends/mcp/name", "unknown key 'name'"),
    ],
)
def test_bad_config_names_the_key(data: object, pointer: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(data)
    assert info.value.pointer == pointer
    assert fragment in info.value.message


def test_load_config_reports_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sdk.yaml"
    path.write_text("package: ok\nextra: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.file == str(path)
    assert str(info.value).endswith(
        "#/extra: unknown key 'extra'; expected one of: package, "
        "distribution, version, client, env, base_url, "
        "path_prefixes, idempotency_header, multipart_style, auth, operations, helpers, types, "
        "readme, validate, frontends"
    )


def test_multipart_style_is_spec_or_brackets() -> None:
    assert parse_config({}).multipart_style == "spec"
    assert parse_config({"multipart_style": "brackets"}).multipart_style == "brackets"
    with pytest.raises(ConfigError, match=r"#/multipart_style: expected spec or brackets"):
        parse_config({"multipart_style": "rails"})


def test_path_prefixes_are_normalised_and_checked() -> None:
    assert parse_config({"path_prefixes": ["/v1", "beta/", "/a/b/"]}).path_prefixes == (
        "/v1",
        "/beta",
        "/a/b",
    )
    with pytest.raises(ConfigError, match=r"#/path_prefixes/1: expected a path like /v1"):
        parse_config({"path_prefixes": ["/v1", "https://x/y"]})
    with pytest.raises(ConfigError, match=r"#/path_prefixes: expected a list"):
        parse_config({"path_prefixes": "/v1"})


def test_readme_guide_is_read_beside_the_config(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text("## Guide\n\nHello.\n", encoding="utf-8")
    (tmp_path / "sdk.yaml").write_text("readme: guide.md\n", encoding="utf-8")
    assert load_config(tmp_path / "sdk.yaml").readme == "## Guide\n\nHello.\n"
    (tmp_path / "sdk.yaml").write_text("readme: missing.md\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sdk.yaml#/readme: cannot read .*missing.md"):
        load_config(tmp_path / "sdk.yaml")
