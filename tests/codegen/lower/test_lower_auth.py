"""Auth lowering: which constructor arguments and environment variables each security scheme
gives, the default and per-operation `security`, and what cannot be sent is said, not hidden."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from _lower_support import method, ok

from codegen import ir
from codegen.config import Config, parse_config
from codegen.errors import ConfigError, Diagnostic, SpecError
from codegen.lower import lower
from codegen.render.auth import print_auth
from codegen.render.methods import print_method


def lowered(
    schemes: dict[str, Any] | None,
    security: Any = None,
    paths: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    title: str = "Acme",
) -> tuple[ir.Api, list[Diagnostic]]:
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1"},
        "servers": [{"url": "https://acme.test"}],
        "paths": paths or {"/things": {"get": {"operationId": "listThings", "responses": ok()}}},
        "components": {"securitySchemes": schemes} if schemes is not None else {},
    }
    if security is not None:
        document["security"] = security
    return lower(SimpleNamespace(document=document), parse_config(config) if config else Config())


def arguments(api: ir.Api) -> list[tuple[str, str]]:
    return [(c.name, c.env) for c in api.client.auth.credentials]


def test_a_spec_without_security_needs_no_credentials() -> None:
    api, _ = lowered(None)
    assert api.client.auth == ir.NO_AUTH
    assert "api_key" not in api.client.init_doc


def test_one_bearer_scheme_is_api_key_required_by_the_constructor() -> None:
    api, _ = lowered({"bearerAuth": {"type": "http", "scheme": "bearer"}}, [{"bearerAuth": []}])
    assert arguments(api) == [("api_key", "ACME_API_KEY")]
    assert api.client.auth.eager == ("api_key",)
    [scheme] = api.client.auth.schemes
    assert (scheme.kind, scheme.param, scheme.prefix) == ("api_key", "Authorization", "Bearer ")


def test_swagger_petstore_api_key_and_an_implicit_flow_it_cannot_run() -> None:
    schemes = {
        "api_key": {"type": "apiKey", "name": "api_key", "in": "header"},
        "petstore_auth": {
            "type": "oauth2",
            "flows": {"implicit": {"authorizationUrl": "https://x.test/auth", "scopes": {}}},
        },
    }
    paths = {
        "/pet": {"get": {"operationId": "getPet", "responses": ok(),
                         "security": [{"petstore_auth": ["read:pets"]}]}},
        "/store/inventory": {"get": {"operationId": "getInventory", "responses": ok(),
                                     "security": [{"api_key": []}]}},
    }  # fmt: skip
    api, diagnostics = lowered(schemes, paths=paths, title="Swagger Petstore")
    assert arguments(api) == [
        ("api_key", "SWAGGER_PETSTORE_API_KEY"),
        ("access_token", "SWAGGER_PETSTORE_ACCESS_TOKEN"),
    ]
    assert api.client.auth.eager == ()  # no credential is needed by every operation
    [warning] = [d for d in diagnostics if d.kind == "auth"]
    assert "flows of 'petstore_auth' (implicit) are not run by the SDK" in warning.message
    assert "access_token" in warning.message
    assert method(api, "pet.retrieve").security == (("petstore_auth",),)
    assert method(api, "store.inventory.retrieve").security == (("api_key",),)


def test_several_key_schemes_get_an_argument_each_named_after_it() -> None:
    schemes = {
        "ApiKeyAuth": {"type": "http", "scheme": "bearer"},
        "AdminApiKeyAuth": {"type": "http", "scheme": "bearer"},
    }
    paths = {
        "/things": {"get": {"operationId": "listThings", "responses": ok()}},
        "/admin": {"get": {"operationId": "admin", "responses": ok(),
                           "security": [{"AdminApiKeyAuth": []}]}},
    }  # fmt: skip
    api, _ = lowered(schemes, [{"ApiKeyAuth": []}], paths)
    assert arguments(api) == [("api_key", "ACME_API_KEY"), ("admin_api_key", "ACME_ADMIN_API_KEY")]
    assert method(api, "things.retrieve").security is None  # the default: nothing printed
    admin = method(api, "admin.retrieve")
    assert admin.security == (("AdminApiKeyAuth",),)
    call = {arg.name: arg.value for arg in print_method(admin, is_async=False).args}
    assert call["security"] == '(("AdminApiKeyAuth",),)'


def test_alternatives_together_and_none() -> None:
    schemes = {
        "A": {"type": "apiKey", "in": "header", "name": "X-A"},
        "B": {"type": "apiKey", "in": "query", "name": "b"},
        "Basic": {"type": "http", "scheme": "basic"},
    }
    paths = {
        "/x": {"get": {"operationId": "getX", "responses": ok(), "security": []}},
        "/y": {"get": {"operationId": "getY", "responses": ok(),
                       "security": [{"A": [], "B": []}, {}]}},
    }  # fmt: skip
    api, _ = lowered(schemes, [{"Basic": []}, {"A": []}], paths)
    assert api.client.auth.default == (("Basic",), ("A",))
    assert method(api, "x.retrieve").security == ()
    assert method(api, "y.retrieve").security == (("A", "B"), ())
    assert [c.name for c in api.client.auth.credentials] == ["api_key", "username", "password", "b"]
    literal = print_auth(api.client.auth, frozenset()).spec
    assert '"B": ApiKey("b", location="query", name="b")' in literal
    assert '"Basic": Basic("username", "password")' in literal


def test_oauth2_client_credentials_and_openid_connect() -> None:
    schemes = {
        "OAuth": {"type": "oauth2", "flows": {"clientCredentials": {
            "tokenUrl": "/oauth/token", "scopes": {"read": "r"}}}},
        "Oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://x.test/.well-known"},
    }  # fmt: skip
    api, diagnostics = lowered(schemes, [{"OAuth": ["read"]}, {"Oidc": []}])
    assert arguments(api) == [
        ("client_id", "ACME_CLIENT_ID"),
        ("client_secret", "ACME_CLIENT_SECRET"),
        ("oauth_access_token", "ACME_OAUTH_ACCESS_TOKEN"),
        ("oidc_access_token", "ACME_OIDC_ACCESS_TOKEN"),
    ]
    [oauth, _] = api.client.auth.schemes
    assert (oauth.token_url, oauth.scopes) == ("/oauth/token", ("read",))
    assert not [d for d in diagnostics if d.kind == "auth"]


def test_an_operation_asking_for_other_oauth2_scopes_names_them() -> None:
    schemes = {
        "OAuth": {"type": "oauth2", "flows": {"clientCredentials": {
            "tokenUrl": "/oauth/token", "scopes": {"read": "r", "write": "w"}}}},
        "Key": {"type": "apiKey", "in": "header", "name": "X-Key"},
    }  # fmt: skip
    paths = {
        "/same": {"get": {"operationId": "getSame", "responses": ok(),
                          "security": [{"OAuth": ["read"]}]}},
        "/more": {"get": {"operationId": "getMore", "responses": ok(),
                          "security": [{"OAuth": ["write", "read"]}]}},
        "/none": {"get": {"operationId": "getNone", "responses": ok(),
                          "security": [{"OAuth": []}, {"Key": ["ignored"]}]}},
    }  # fmt: skip
    api, _ = lowered(schemes, [{"OAuth": ["read"]}], paths)
    oauth = next(s for s in api.client.auth.schemes if s.name == "OAuth")
    assert oauth.scopes == ("read",)  # the token's default: the root `security`'s
    same, more, none = (method(api, f"{n}.retrieve") for n in ("same", "more", "none"))
    assert (same.security, same.scopes) == (None, ())  # what the default asks: nothing to pass
    assert (more.security, more.scopes) == ((("OAuth",),), (("OAuth", ("read", "write")),))
    assert none.scopes == (("OAuth", ()),)  # a token without scopes; apiKey scopes mean nothing
    call = {arg.name: arg.value for arg in print_method(more, is_async=False).args}
    assert call["security"] == '((("OAuth", "read", "write",),),)'
    call = {arg.name: arg.value for arg in print_method(none, is_async=False).args}
    assert call["security"] == '((("OAuth",),), ("Key",),)'


def test_the_config_sets_a_scheme_word_an_argument_and_an_env_variable() -> None:
    schemes = {"Bot": {"type": "apiKey", "in": "header", "name": "Authorization"}}
    config = {"auth": {"Bot": {"prefix": "Bot ", "argument": "token", "env": "ACME_TOKEN"}}}
    api, _ = lowered(schemes, [{"Bot": []}], config=config)
    assert arguments(api) == [("token", "ACME_TOKEN")]
    assert api.client.auth.schemes[0].prefix == "Bot "


def test_auth_config_and_security_mistakes_are_errors_naming_where() -> None:
    schemes = {"bearer": {"type": "http", "scheme": "bearer"}}
    with pytest.raises(SpecError, match="only apiKey schemes take one"):
        lowered(schemes, [{"bearer": []}], config={"auth": {"bearer": {"prefix": "Bot "}}})
    with pytest.raises(SpecError, match="names scheme 'Nope'"):
        lowered(schemes, [{"bearer": []}], config={"auth": {"Nope": {"prefix": "Bot "}}})
    with pytest.raises(SpecError) as caught:
        lowered(schemes, [{"missing": []}])
    assert caught.value.pointer == "#/security/0/missing"
    with pytest.raises(ConfigError, match="/auth/x/prefix"):
        parse_config({"auth": {"x": {"prefix": "a\nb"}}})


def test_http_digest_is_left_to_an_auth_hook_and_said_so() -> None:
    api, diagnostics = lowered({"d": {"type": "http", "scheme": "digest"}}, [{"d": []}])
    assert api.client.auth.credentials == ()
    assert api.client.auth.schemes[0].kind == "external"
    assert any("need an `auth_hook`" in d.message for d in diagnostics)


def test_schemes_without_any_security_are_optional_and_warned_about() -> None:
    api, diagnostics = lowered({"k": {"type": "apiKey", "in": "header", "name": "X-K"}})
    assert api.client.auth.default == (("k",), ())
    assert api.client.auth.eager == ()
    assert any("no `security`" in d.message for d in diagnostics)
