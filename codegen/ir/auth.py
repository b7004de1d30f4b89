"""Auth in the API model: the spec's security schemes as the client sends them.

`lower/auth.py` builds these from `components.securitySchemes`, the root and per-operation
`security` and the config's `auth:` section; the client template prints them as the runtime's
`_auth` scheme objects (`ApiKey`, `Basic`, `ClientCredentials`, `External`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["NO_AUTH", "Auth", "AuthScheme", "Credential", "Scopes", "Security"]

Security = tuple[tuple[str, ...], ...]
"""Alternatives (any one will do), each the scheme names it needs together; `()`: none."""

Scopes = tuple[tuple[str, tuple[str, ...]], ...]
"""`(scheme, scopes)` of the OAuth2 client-credentials schemes whose token an operation asks
for with other scopes than the scheme's default (`AuthScheme.scopes`)."""

SchemeKind = Literal["api_key", "basic", "client_credentials", "external"]


@dataclass(frozen=True)
class Credential:
    """A constructor argument holding a secret, read from `env` when it is not passed."""

    name: str  # "api_key"
    env: str  # "DEEPSEEK_API_KEY"
    doc: str  # what it is, for the constructor's docstring and the README


@dataclass(frozen=True)
class AuthScheme:
    """One scheme of `components.securitySchemes`, by its name in the spec.

    - `api_key`: `arguments[0]` sent in the header, query parameter or cookie `param`, after
      `prefix` (`Bearer ` for HTTP bearer and for ready OAuth2 / OpenID Connect tokens);
    - `basic`: `arguments` are (username, password);
    - `client_credentials`: `arguments` are (client_id, client_secret[, access_token]); the
      token is fetched from `token_url` with `scopes` (those the root `security` lists for
      it; an operation that lists others asks for a token of its own, `Method.scopes`);
    - `external`: nothing the SDK can send (HTTP digest, mutual TLS): needs an `auth_hook`.
    """

    name: str
    kind: SchemeKind
    arguments: tuple[str, ...]
    location: Literal["header", "query", "cookie"] = "header"
    param: str = "Authorization"
    prefix: str = ""
    token_url: str | None = None
    scopes: tuple[str, ...] = ()
    description: str = ""  # one line: what it is ("HTTP bearer", "API key in header X-Key")


@dataclass(frozen=True)
class Auth:
    """The API's schemes, the credentials they need, and the `security` of operations that do
    not declare their own. `eager`: credentials every operation needs, required by the
    constructor (as openai-python requires its key) rather than at call time."""

    schemes: tuple[AuthScheme, ...]
    credentials: tuple[Credential, ...]
    default: Security
    eager: tuple[str, ...]


NO_AUTH = Auth(schemes=(), credentials=(), default=(), eager=())
