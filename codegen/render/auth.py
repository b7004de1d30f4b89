"""The client's auth as printed pieces: the `AuthSpec(...)` literal of `_client.py`, the
runtime names it imports, and each credential argument (its environment variable, whether the
constructor requires it, its error message).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from .text import docstring, py_str

__all__ = ["PrintedAuth", "PrintedCredential", "print_auth", "security_literal"]


@dataclass(frozen=True)
class PrintedCredential:
    name: str  # the constructor argument
    env: str  # its environment variable, as a literal
    required: bool  # every operation needs it: the constructor raises without it
    missing_message: str  # a literal
    doc: str
    prop: bool  # the client gets a read-only property of this name


@dataclass(frozen=True)
class PrintedAuth:
    imports: tuple[str, ...]  # names from `._auth`
    spec: str  # the `AuthSpec(...)` expression, one item per line
    credentials: tuple[PrintedCredential, ...]


def security_literal(security: ir.Security, scopes: ir.Scopes = ()) -> str:
    """`(("a", "b"), ("c",))`: alternatives of scheme names; `()` for none. A scheme whose
    token needs other scopes than its default is `("oauth", "read", "write")`."""
    scoped = dict(scopes)

    def entry(name: str) -> str:
        if name not in scoped:
            return py_str(name)
        return (
            "(" + "".join(f"{py_str(part)}, " for part in (name, *scoped[name])).rstrip(" ") + ")"
        )

    alternatives = [
        "(" + "".join(f"{entry(name)}, " for name in alternative).rstrip(" ") + ")"
        for alternative in security
    ]
    return "(" + "".join(f"{a}, " for a in alternatives).rstrip(" ") + ")"


def _scheme(scheme: ir.AuthScheme) -> tuple[str, str]:
    args = scheme.arguments
    if scheme.kind == "api_key":
        options = []
        if scheme.location != "header":
            options.append(f"location={py_str(scheme.location)}")
        if scheme.param != "Authorization":
            options.append(f"name={py_str(scheme.param)}")
        if scheme.prefix:
            options.append(f"prefix={py_str(scheme.prefix)}")
        return "ApiKey", f"ApiKey({', '.join([py_str(args[0]), *options])})"
    if scheme.kind == "basic":
        return "Basic", f"Basic({py_str(args[0])}, {py_str(args[1])})"
    if scheme.kind == "client_credentials":
        assert scheme.token_url is not None
        scopes = ""
        if scheme.scopes:
            scopes = ", scopes=(" + "".join(f"{py_str(s)}, " for s in scheme.scopes) + ")"
        return "ClientCredentials", (
            f"ClientCredentials({py_str(args[0])}, {py_str(args[1])}, "
            f"token_url={py_str(scheme.token_url)}{scopes}, access_token={py_str(args[2])})"
        )
    return "External", f"External({py_str(scheme.description)})"


def print_auth(auth: ir.Auth, taken: frozenset[str]) -> PrintedAuth:
    """`taken`: the client's attribute names (sub-resources), which credentials leave alone."""
    imports = {"AuthHook", "AuthSpec"}
    entries = []
    for scheme in auth.schemes:
        name, expr = _scheme(scheme)
        imports.add(name)
        entries.append(f"{py_str(scheme.name)}: {expr},")
    env = "".join(f"{py_str(c.name)}: {py_str(c.env)}, " for c in auth.credentials)
    spec = (
        "AuthSpec(\n    {\n"
        + "".join(f"        {entry}\n" for entry in entries)
        + f"    }},\n    default={security_literal(auth.default)},\n"
        + f"    env={{{env.rstrip(', ')}}},\n)"
    )
    credentials = tuple(
        PrintedCredential(
            name=c.name,
            env=py_str(c.env),
            required=c.name in auth.eager,
            missing_message=py_str(
                f"The {c.name} client option must be set either by passing {c.name} to the "
                f"client or by setting the {c.env} environment variable"
            ),
            doc=docstring(f"The {c.doc} (`{c.name}=`, else ${c.env}).", width=80) or "",
            prop=c.name not in taken,
        )
        for c in auth.credentials
    )
    return PrintedAuth(tuple(sorted(imports)), spec, credentials)
