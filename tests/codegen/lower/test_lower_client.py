"""The client a spec gets without a config: names from `info.title`, the base URL from `servers`."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from _lower_support import method, ok

from codegen.config import Config, parse_config
from codegen.errors import SpecError
from codegen.lower import lower
from codegen.render import render
from codegen.render.package import print_client


def lowered(
    servers: Any = None, title: str = "Test", config: dict[str, Any] | None = None, **paths: Any
):  # type: ignore[no-untyped-def]
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": title, "version": "1"},
        "paths": paths or {"/x": {"get": {"responses": ok()}}},
    }
    if servers is not None:
        document["servers"] = servers
    return lower(SimpleNamespace(document=document), parse_config(config) if config else Config())[
        0
    ]


@pytest.mark.parametrize(
    ("title", "client", "package", "env"),
    [
        ("Swagger Petstore", "SwaggerPetstore", "swagger_petstore_sdk", "SWAGGER_PETSTORE_API_KEY"),
        ("Mistral AI API", "MistralAI", "mistral_ai_sdk", "MISTRAL_AI_API_KEY"),
        (
            "Twilio - Messaging",
            "TwilioMessaging",
            "twilio_messaging_sdk",
            "TWILIO_MESSAGING_API_KEY",
        ),
        ("DigitalOcean API", "DigitalOcean", "digitalocean_sdk", "DIGITALOCEAN_API_KEY"),
        ("2fa service", "Client2faService", "n_2fa_service_sdk", "N_2FA_SERVICE_API_KEY"),
        ("Ünïcode", "Unicode", "unicode_sdk", "UNICODE_API_KEY"),
    ],
)
def test_names_come_from_the_title(title: str, client: str, package: str, env: str) -> None:
    api = lowered([{"url": "https://x.test"}], title=title)
    assert (api.client.name, api.package, api.env_api_key) == (client, package, env)
    assert api.distribution == package.replace("_", "-")


def test_server_variables_resolve_to_defaults_and_are_constructor_arguments() -> None:
    api = lowered(
        [
            {
                "url": "https://{region}.api.test/{version}",
                "variables": {
                    "region": {"default": "us", "enum": ["us", "eu"], "description": "Where."},
                    "version": {"default": "v2"},
                },
            },
            {"url": "https://sandbox.api.test/v2"},
        ]
    )
    assert api.default_base_url == "https://us.api.test/v2"
    assert api.client.default_base_url == "https://{region}.api.test/{version}"
    assert [(v.name, v.default) for v in api.client.server_variables] == [
        ("region", "us"),
        ("version", "v2"),
    ]
    printed = print_client(api.client)
    assert printed.default_base_url == 'f"https://{region}.api.test/{version}"'
    assert printed.server_variables == (("region", '"us"'), ("version", '"v2"'))
    assert "Other servers the spec lists: https://sandbox.api.test/v2." in api.client.init_doc
    assert "`region` (default 'us'): Where." in api.client.init_doc
    source = render(api, include_runtime=False)["test_sdk/_client.py"]
    assert 'region: str = "us",' in source


def test_server_variable_named_like_a_constructor_argument_gets_an_underscore() -> None:
    api = lowered([{"url": "https://{timeout}.test", "variables": {"timeout": {"default": "a"}}}])
    assert [v.name for v in api.client.server_variables] == ["timeout_"]
    assert print_client(api.client).default_base_url == 'f"https://{timeout_}.test"'


def test_a_server_variable_without_default_is_an_error() -> None:
    with pytest.raises(SpecError) as info:
        lowered([{"url": "https://{region}.test", "variables": {"region": {"enum": ["a"]}}}])
    assert info.value.pointer == "#/servers/0/variables/region"


@pytest.mark.parametrize("servers", [None, [], [{"url": "/api/v3"}]])
def test_relative_or_missing_servers_make_base_url_required(servers: Any) -> None:
    api = lowered(servers)
    assert api.client.default_base_url is None and api.default_base_url is None
    assert print_client(api.client).default_base_url == ""
    source = render(api, include_runtime=False)["test_sdk/_client.py"]
    assert "if not base_url:\n            raise SDKError(" in source
    assert "the Test spec names no absolute server URL" in api.client.missing_base_url_message
    if servers:
        assert "(only '/api/v3')" in api.client.missing_base_url_message
        assert "(only `/api/v3`, relative to wherever the API is served)" in api.client.init_doc


def test_operations_served_elsewhere_call_their_own_url() -> None:
    api = lowered(
        [{"url": "https://api.test"}],
        **{
            "/items": {"get": {"responses": ok()}, "servers": [{"url": "https://api.test/"}]},
            "/reports": {"get": {"responses": ok()}, "servers": [{"url": "https://reports.test/"}]},
            "/files": {"get": {"responses": ok(), "servers": [{"url": "https://files.test"}]}},
        },
    )
    assert method(api, "items.retrieve").path == "/items"
    assert method(api, "reports.retrieve").path == "https://reports.test/reports"
    assert method(api, "files.retrieve").path == "https://files.test/files"


def test_extras_only_when_a_helper_or_front_end_uses_them() -> None:
    no_frontends = {"frontends": {"cli": False, "mcp": False}}
    plain = lowered([{"url": "https://x.test"}], config=no_frontends)
    assert plain.extras == ()
    assert "optional-dependencies" not in render(plain, include_runtime=False)["pyproject.toml"]
    api = lowered(
        [{"url": "https://x.test"}],
        config={"helpers": {"beta.realtime": "realtime"}, **no_frontends},
    )
    assert api.extras == (("realtime", ("websockets>=13",)),)
    pyproject = render(api, include_runtime=False)["pyproject.toml"]
    assert '[project.optional-dependencies]\nrealtime = ["websockets>=13"]\n' in pyproject
    with_frontends = render(lowered([{"url": "https://x.test"}]), include_runtime=False)
    assert (
        '[project.optional-dependencies]\ncli = []\nmcp = ["mcp' in with_frontends["pyproject.toml"]
    )


def test_a_server_variable_only_the_user_knows_is_a_method_parameter() -> None:
    # DigitalOcean's agent inference: `https://{agent_url}` with the default "{your-agent-url}".
    server = {
        "url": "https://{agent_url}/{version}",
        "variables": {
            "agent_url": {"default": "{your-agent-url}", "description": "Your agent's host."},
            "version": {"default": "v1"},
        },
    }
    api = lowered(
        [{"url": "https://api.test"}],
        **{"/chat/completions": {"post": {"servers": [server], "responses": ok()}}},
    )
    create = method(api, "chat.completions.create")
    assert create.path == "https://{agent_url}/v1/chat/completions"
    assert [(p.name, p.location, p.required, p.doc) for p in create.params] == [
        ("agent_url", "path", True, "Your agent's host.")
    ]
    source = render(api, include_runtime=False)["test_sdk/resources/chat/completions.py"]
    assert "f\"https://{path_param('agent_url', agent_url)}/v1/chat/completions\"" in source


def test_braces_without_a_declared_variable_are_part_of_the_url() -> None:
    api = lowered([{"url": "https://api.test/{literal}"}])
    assert (
        api.client.server_variables == () and api.default_base_url == "https://api.test/{literal}"
    )
    assert print_client(api.client).default_base_url == '"https://api.test/{literal}"'
