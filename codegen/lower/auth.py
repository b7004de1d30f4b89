"""Auth: `components.securitySchemes` + `security` (root and per operation) + the config's
`auth:` section -> `ir.Auth` and each method's own `security`.

Constructor arguments, each read from `<PREFIX>_<ARGUMENT>` when not passed (the config's
`auth.<scheme>.env`, and `env.api_key` for `api_key`, name others):

| scheme | arguments | sent as |
|---|---|---|
| `http` bearer | `api_key` | `Authorization: Bearer <api_key>` |
| `apiKey` in header / query / cookie | `api_key` | the named header, query parameter or cookie (after the config's `prefix`, e.g. `Bot `) |
| `http` basic | `username`, `password` | `Authorization: Basic ...` |
| `oauth2` with a clientCredentials flow | `client_id`, `client_secret`, or `access_token` | `Authorization: Bearer <token>`, the token fetched from `tokenUrl` |
| `oauth2` with other flows only, `openIdConnect` | `access_token` | `Authorization: Bearer <access_token>` |
| `http` digest and other schemes, `mutualTLS` | none: `auth_hook` | whatever the hook does |

With several schemes of a kind, each gets its own arguments named after it, without a trailing
`Auth` (`AdminApiKeyAuth` -> `admin_api_key`, `partner_username`), except that the key scheme of
the default `security` keeps `api_key`. The SDK does not run interactive OAuth2 flows (implicit,
authorizationCode, password): it takes the token they produce as `access_token`, and
generation reports a warning saying so. A spec that declares schemes but no `security` at all
sends any credentials the client was given, requiring none (and warns).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from .. import ir
from ..config import Config
from ..errors import Diagnostic, SpecError
from ..spec.pointer import join_pointer
from .naming import CONSTRUCTOR_ARGS, identifier, snake
from .operations import Operation

__all__ = ["apply_security", "auth_ir"]

_KIND = "auth"
_NAME_SUFFIXES = ("_authentication", "_auth", "_scheme", "_security")
_LABELS = {
    "api_key": "API key",
    "username": "user name",
    "password": "password",
    "client_id": "OAuth2 client id",
    "client_secret": "OAuth2 client secret",
    "access_token": "access token",
}


@dataclasses.dataclass
class _Scheme:
    name: str
    kind: ir.auth.SchemeKind
    bases: tuple[str, ...]  # argument names before de-duplication
    location: str = "header"
    param: str = "Authorization"
    prefix: str = ""
    token_url: str | None = None
    description: str = ""
    arguments: tuple[str, ...] = ()


def _resolve(document: Mapping[str, Any], node: object, pointer: str) -> Mapping[str, Any]:
    seen = 0
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and seen < 20:
        ref = str(node["$ref"])
        if not ref.startswith("#/components/securitySchemes/"):
            raise SpecError(pointer, f"a security scheme $ref must point into components ({ref})")
        node = document.get("components", {}).get("securitySchemes", {}).get(ref.rsplit("/", 1)[1])
        seen += 1
    if not isinstance(node, Mapping):
        raise SpecError(pointer, "a security scheme must be an object")
    return node


def _read_scheme(
    name: str, node: Mapping[str, Any], pointer: str, config: Config, warn: list[Diagnostic]
) -> _Scheme:
    kind = node.get("type")
    settings = config.auth.get(name)
    if settings is not None and settings.prefix is not None and kind != "apiKey":
        raise SpecError(
            pointer,
            f"the config gives scheme {name!r} a prefix, but only apiKey schemes take one "
            f"(this one is {kind!r})",
        )
    if kind == "apiKey":
        where = node.get("in")
        param = node.get("name")
        if where not in ("header", "query", "cookie") or not isinstance(param, str) or not param:
            raise SpecError(
                pointer, "an apiKey scheme needs `in` (header, query or cookie) and `name`"
            )
        prefix = settings.prefix if settings is not None and settings.prefix else ""
        shown = f" as `{prefix}<key>`" if prefix else ""
        return _Scheme(
            name, "api_key", ("api_key",), str(where), param, prefix,
            description=f"sent{shown} in {where} `{param}`",
        )  # fmt: skip
    if kind == "http":
        word = str(node.get("scheme") or "").strip()
        if word.lower() == "bearer":
            return _Scheme(
                name, "api_key", ("api_key",), prefix="Bearer ",
                description="HTTP bearer token, sent as `Authorization: Bearer <key>`",
            )  # fmt: skip
        if word.lower() == "basic":
            return _Scheme(
                name, "basic", ("username", "password"),
                description="HTTP basic auth, sent as `Authorization: Basic ...`",
            )  # fmt: skip
        warn.append(
            Diagnostic(
                "warning",
                pointer,
                f"HTTP auth scheme {word!r} cannot be sent by the SDK: operations needing "
                f"{name!r} need an `auth_hook` that signs each request",
                _KIND,
            )
        )
        return _Scheme(name, "external", (), description=f"HTTP {word} auth (via auth_hook)")
    if kind == "oauth2":
        flows = node.get("flows")
        flows = flows if isinstance(flows, Mapping) else {}
        credentials = flows.get("clientCredentials")
        if isinstance(credentials, Mapping) and isinstance(credentials.get("tokenUrl"), str):
            return _Scheme(
                name, "client_credentials", ("client_id", "client_secret", "access_token"),
                token_url=str(credentials["tokenUrl"]),
                description="OAuth2 client credentials (the token is fetched from "
                f"{credentials['tokenUrl']}), or a ready access token",
            )  # fmt: skip
        others = ", ".join(sorted(str(f) for f in flows)) or "none"
        warn.append(
            Diagnostic(
                "warning",
                pointer,
                f"OAuth2 flows of {name!r} ({others}) are not run by the SDK: the client takes "
                "the token they give as `access_token`",
                _KIND,
            )
        )
        return _Scheme(
            name, "api_key", ("access_token",), prefix="Bearer ",
            description=f"OAuth2 access token obtained elsewhere (flows: {others})",
        )  # fmt: skip
    if kind == "openIdConnect":
        return _Scheme(
            name, "api_key", ("access_token",), prefix="Bearer ",
            description="OpenID Connect access token",
        )  # fmt: skip
    if kind == "mutualTLS":
        warn.append(
            Diagnostic(
                "warning",
                pointer,
                f"mutual TLS ({name!r}) is set up on the HTTP client: pass an `http_client` "
                "holding the certificate and an `auth_hook`",
                _KIND,
            )
        )
        return _Scheme(name, "external", (), description="mutual TLS (via http_client)")
    raise SpecError(join_pointer(pointer, "type"), f"unknown security scheme type {kind!r}")


def _security(
    value: object, pointer: str, schemes: Mapping[str, _Scheme], scopes: dict[str, set[str]]
) -> ir.Security:
    if not isinstance(value, list):
        raise SpecError(pointer, "`security` must be a list of security requirement objects")
    alternatives: list[tuple[str, ...]] = []
    for index, requirement in enumerate(value):
        where = join_pointer(pointer, index)
        if not isinstance(requirement, Mapping):
            raise SpecError(where, "a security requirement must be an object")
        for name, wanted in requirement.items():
            if name not in schemes:
                raise SpecError(
                    join_pointer(where, name),
                    f"no security scheme {name!r} in components.securitySchemes",
                )
            found = scopes.setdefault(str(name), set())  # a scheme listed with no scopes: {}
            if isinstance(wanted, list):
                found.update(str(s) for s in wanted)
        alternative = tuple(sorted(str(name) for name in requirement))
        if alternative not in alternatives:
            alternatives.append(alternative)
    if () in alternatives and len(alternatives) > 1:
        alternatives.remove(())
        alternatives.append(())  # credentials optional: try every scheme first
    return tuple(alternatives)


def _name_arguments(schemes: Sequence[_Scheme], config: Config, primary: str | None) -> None:
    """Give each scheme its constructor arguments: the base names when only one scheme wants
    them (`api_key` also for the `primary` key scheme, the default security's), else names
    derived from the scheme's (the config's `argument` wins)."""
    wanted: dict[str, int] = {}
    for scheme in schemes:
        for base in scheme.bases:
            wanted[base] = wanted.get(base, 0) + 1
    taken: set[str] = set(CONSTRUCTOR_ARGS)
    for scheme in schemes:
        settings = config.auth.get(scheme.name)
        stem = snake(scheme.name).replace("o_auth", "oauth")
        for suffix in _NAME_SUFFIXES:  # `AdminApiKeyAuth` -> admin_api_key
            if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
                stem = stem.removesuffix(suffix)
                break
        names: list[str] = []
        for base in scheme.bases:
            if settings is not None and settings.argument and len(scheme.bases) == 1:
                name = settings.argument
            elif wanted[base] == 1 or (base == "api_key" and scheme.name == primary):
                name = base
            elif scheme.kind == "api_key" and base == "api_key":
                name = stem
            else:
                name = f"{stem}_{base}"
            name = identifier(name, reserved=taken)
            taken.add(name)
            names.append(name)
        scheme.arguments = tuple(names)


def _every_needed(security: ir.Security, schemes: Mapping[str, _Scheme]) -> set[str]:
    """The arguments every alternative of `security` needs (none when one needs nothing)."""
    needed: set[str] | None = None
    for alternative in security:
        args: set[str] = set()
        for name in alternative:
            scheme = schemes[name]
            if scheme.kind in ("api_key", "basic"):
                args.update(scheme.arguments)
        needed = args if needed is None else needed & args
    return needed or set()


def auth_ir(
    document: Mapping[str, Any],
    config: Config,
    env_prefix: str,
    env_api_key: str,
    ops: Sequence[Operation],
    diagnostics: list[Diagnostic],
) -> tuple[ir.Auth, dict[str, tuple[ir.Security, ir.Scopes]]]:
    """The API's auth and the operations (by key) whose `security` is not the default: their
    alternatives, and the OAuth2 scopes they ask for where not a scheme's default."""
    components = document.get("components")
    declared = components.get("securitySchemes") if isinstance(components, Mapping) else None
    declared = declared if isinstance(declared, Mapping) else {}
    for name in config.auth:
        if name not in declared:
            raise SpecError(
                "#/components/securitySchemes",
                f"the config's auth section names scheme {name!r}, which the spec does not "
                f"declare (it has: {', '.join(sorted(declared)) or 'none'})",
            )
    schemes: dict[str, _Scheme] = {}
    for name in sorted(declared):
        pointer = join_pointer("#/components/securitySchemes", name)
        node = _resolve(document, declared[name], pointer)
        schemes[name] = _read_scheme(str(name), node, pointer, config, diagnostics)
    root = document.get("security")
    scopes: dict[str, set[str]] = {}  # the root's: each client-credentials token's default
    own: dict[str, ir.Security] = {}
    own_scopes: dict[str, dict[str, set[str]]] = {}
    for op in ops:
        if "security" in op.node:
            own_scopes[op.key] = {}
            own[op.key] = _security(
                op.node["security"],
                join_pointer(op.pointer, "security"),
                schemes,
                own_scopes[op.key],
            )
    if root is not None:
        default = _security(root, "#/security", schemes, scopes)
    elif schemes and not own:
        default = (*((name,) for name in schemes), ())
        diagnostics.append(
            Diagnostic(
                "warning",
                "#/security",
                "the spec declares security schemes but no `security`: the client sends the "
                "credentials it is given and requires none",
                _KIND,
            )
        )
    else:
        default = ()
    scoped = {key: _scoped(own[key], found, scopes, schemes) for key, found in own_scopes.items()}
    own = {key: value for key, value in own.items() if value != default or scoped[key]}
    first = {name for alternative in default for name in alternative}
    ordered = sorted(schemes.values(), key=lambda s: (s.name not in first, s.name.lower()))
    primary = next((s.name for s in ordered if s.name in first and s.kind == "api_key"), None)
    if primary is not None and config.auth.get(primary) and config.auth[primary].argument:
        primary = None
    _name_arguments(ordered, config, primary)

    used = {name for security in (default, *own.values()) for alt in security for name in alt}
    eager: set[str] | None = None
    for op in ops:
        needed = _every_needed(own.get(op.key, default), schemes)
        eager = needed if eager is None else eager & needed
    credentials: list[ir.Credential] = []
    for scheme in ordered:
        if scheme.name not in used:
            continue
        settings = config.auth.get(scheme.name)
        for index, argument in enumerate(scheme.arguments):
            if settings is not None and settings.env and len(scheme.arguments) == 1:
                env = settings.env
            elif argument == "api_key":
                env = env_api_key
            else:
                env = f"{env_prefix}_{argument.upper()}"
            label = _LABELS[scheme.bases[index]]
            credentials.append(ir.Credential(argument, env, f"{label}: {scheme.description}"))
    kept = {c.name for c in credentials}
    return (
        ir.Auth(
            schemes=tuple(
                ir.AuthScheme(
                    name=s.name,
                    kind=s.kind,
                    arguments=s.arguments,
                    location=s.location,  # type: ignore[arg-type]
                    param=s.param,
                    prefix=s.prefix,
                    token_url=s.token_url,
                    description=s.description,
                    scopes=tuple(sorted(scopes.get(s.name, ()))),
                )
                for s in ordered
                if s.name in used
            ),
            credentials=tuple(credentials),
            default=default,
            eager=tuple(name for name in sorted(eager or ()) if name in kept),
        ),
        {key: (value, scoped[key]) for key, value in own.items()},
    )


def _scoped(
    security: ir.Security,
    found: Mapping[str, set[str]],
    default: Mapping[str, set[str]],
    schemes: Mapping[str, _Scheme],
) -> ir.Scopes:
    """The scopes an operation's `security` asks of each client-credentials scheme it names,
    where they are not the scheme's default (the root `security`'s)."""
    named = sorted({name for alternative in security for name in alternative})
    return tuple(
        (name, tuple(sorted(found.get(name, ()))))
        for name in named
        if schemes[name].kind == "client_credentials"
        and found.get(name, set()) != default.get(name, set())
    )


def apply_security(
    methods: dict[str, ir.Method], own: Mapping[str, tuple[ir.Security, ir.Scopes]]
) -> dict[str, ir.Method]:
    """`methods` with each operation's own `security` (and OAuth2 scopes) set, for those that
    differ from the default."""
    return {
        key: dataclasses.replace(method, security=own[key][0], scopes=own[key][1])
        if key in own
        else method
        for key, method in methods.items()
    }
