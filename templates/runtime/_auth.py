"""Credentials, from the spec's `securitySchemes` to what each request carries.

The generated `_client.py` describes the API's schemes in one `AuthSpec` (which constructor
argument feeds which scheme, where the scheme puts it, the `security` every operation uses
unless it says otherwise) and hands the client's credentials to `Auth`. Per call:

- The operation's `security` (the client's default, or the method's own `security=`) lists
  alternatives, each a set of schemes required together. The first alternative whose every
  scheme has its credentials is used; an empty one sends nothing (`security: []`). When none
  can be used the call fails before anything is sent, naming the arguments and environment
  variables that would satisfy each alternative.
- Schemes whose value is known when the client is built (API keys, bearer tokens, basic
  credentials, a ready OAuth2/OpenID Connect access token) are worked out once: the default
  alternative's headers and query parameters become client defaults, so a simple bearer API
  pays nothing per call. Only a method with its own `security`, an OAuth2 client-credentials
  token or an `auth_hook` makes a call do work here.
- OAuth2 client credentials: the token is fetched from `tokenUrl` by the first call that needs
  it, cached, and fetched again shortly before it expires. One fetch at a time per client and
  its copies: a lock (sync) or an `asyncio.Lock` (async) makes concurrent calls wait for it.
  The token asks for the scheme's default scopes (the root `security`'s); an operation whose
  `security` lists other scopes names the scheme as `("oauth", "scope1", "scope2")` and gets
  a token of those scopes, cached apart (one token, lock and fetch per scheme and scope set).
- `auth_hook(request)`: a callable the client calls with each `httpx2.Request` just before it is
  sent (every attempt; not for operations declaring `security: []`). It may change the request
  in place or return a new one: request signing, or schemes the SDK cannot send itself.

Credentials never reach a repr, a log record or an error message: the client masks them in
its repr and passes them as secrets to the error and log formatting.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Awaitable, Mapping, Sequence
from typing import TYPE_CHECKING, Callable, Union

import httpx2

from ._exceptions import SDKError
from ._failures import make_status_error
from ._types import is_mapping

if TYPE_CHECKING:
    import asyncio

    from ._core import PreparedCall

__all__ = [
    "ApiKey",
    "Auth",
    "AuthHook",
    "AuthSpec",
    "Basic",
    "ClientCredentials",
    "External",
    "Security",
]

Security = Sequence[Sequence[Union[str, tuple[str, ...]]]]
"""Alternatives (any one will do), each the schemes it needs together: a scheme's name, or for
an OAuth2 client-credentials scheme `(name, *scopes)` to ask its token for those scopes."""
AuthHook = Callable[[httpx2.Request], Union[httpx2.Request, None]]
"""Called with every request before it is sent; may change it or return a replacement."""

_REFRESH_MARGIN = 60.0
"""A token is fetched again this many seconds before it expires (at most a tenth of its life)."""


class _Parts:
    """What an alternative adds to a request: headers, query parameters, cookies."""

    __slots__ = ("cookies", "headers", "query")

    def __init__(self) -> None:
        self.headers: dict[str, str] = {}
        self.query: list[tuple[str, str]] = []
        self.cookies: list[tuple[str, str]] = []

    def put(self, location: str, name: str, value: str) -> None:
        if location == "query":
            self.query.append((name, value))
        elif location == "cookie":
            self.cookies.append((name, value))
        else:
            self.headers[name] = value

    def all_headers(self) -> dict[str, str]:
        """The headers, cookies folded into one `Cookie` header."""
        if not self.cookies:
            return self.headers
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies)
        return {**self.headers, "Cookie": cookie}


class ApiKey:
    """One credential sent as is, after `prefix`: an `apiKey` scheme (header, query or cookie),
    an HTTP bearer token (`Authorization: Bearer <value>`), or a ready OAuth2 / OpenID Connect
    access token."""

    __slots__ = ("argument", "location", "name", "prefix")

    def __init__(
        self,
        argument: str,
        *,
        location: str = "header",
        name: str = "Authorization",
        prefix: str = "",
    ) -> None:
        self.argument: str = argument
        self.location: str = location
        self.name: str = name
        self.prefix: str = prefix

    @property
    def arguments(self) -> tuple[tuple[str, ...], ...]:
        """The sets of constructor arguments, any one of which satisfies the scheme."""
        return ((self.argument,),)

    def ready(self, values: Mapping[str, str], hook: bool) -> bool:
        return self.argument in values

    def add(self, values: Mapping[str, str], parts: _Parts) -> None:
        parts.put(self.location, self.name, self.prefix + values[self.argument])


class Basic:
    """HTTP basic: `Authorization: Basic base64(username:password)`."""

    __slots__ = ("password", "username")

    def __init__(self, username: str, password: str) -> None:
        self.username: str = username
        self.password: str = password

    @property
    def arguments(self) -> tuple[tuple[str, ...], ...]:
        return ((self.username, self.password),)

    def ready(self, values: Mapping[str, str], hook: bool) -> bool:
        return self.username in values and self.password in values

    def add(self, values: Mapping[str, str], parts: _Parts) -> None:
        pair = f"{values[self.username]}:{values[self.password]}".encode()
        parts.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")


class ClientCredentials:
    """OAuth2 client credentials: a bearer token fetched from `token_url` with the client id
    and secret (HTTP basic, as RFC 6749 asks servers to accept), or a ready `access_token`."""

    __slots__ = ("access_token", "client_id", "client_secret", "scopes", "token_url")

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        token_url: str,
        scopes: Sequence[str] = (),
        access_token: str | None = None,
    ) -> None:
        self.client_id: str = client_id
        self.client_secret: str = client_secret
        self.token_url: str = token_url
        self.scopes: tuple[str, ...] = tuple(scopes)
        self.access_token: str | None = access_token

    @property
    def arguments(self) -> tuple[tuple[str, ...], ...]:
        ready = ((self.access_token,),) if self.access_token else ()
        return ((self.client_id, self.client_secret), *ready)

    def ready(self, values: Mapping[str, str], hook: bool) -> bool:
        if self.access_token is not None and self.access_token in values:
            return True
        return self.client_id in values and self.client_secret in values

    def add(self, values: Mapping[str, str], parts: _Parts) -> None:
        assert self.access_token is not None
        parts.headers["Authorization"] = "Bearer " + values[self.access_token]


class External:
    """A scheme the SDK cannot send itself (HTTP digest, mutual TLS, ...): satisfied by an
    `auth_hook` (with, for mutual TLS, an `http_client` holding the certificate)."""

    __slots__ = ("what",)

    def __init__(self, what: str) -> None:
        self.what: str = what

    @property
    def arguments(self) -> tuple[tuple[str, ...], ...]:
        return (("auth_hook",),)

    def ready(self, values: Mapping[str, str], hook: bool) -> bool:
        return hook

    def add(self, values: Mapping[str, str], parts: _Parts) -> None:
        pass


Scheme = Union[ApiKey, Basic, ClientCredentials, External]


class AuthSpec:
    """The API's schemes by name, the default `security`, and each argument's environment
    variable (for error messages)."""

    __slots__ = ("default", "env", "schemes")

    def __init__(
        self,
        schemes: Mapping[str, Scheme],
        default: Sequence[Sequence[str]],
        env: Mapping[str, str],
    ) -> None:
        self.schemes: dict[str, Scheme] = dict(schemes)
        self.default: tuple[tuple[str, ...], ...] = tuple(tuple(alt) for alt in default)
        self.env: dict[str, str] = dict(env)


class _Token:
    """The cached token of one client-credentials scheme and scope set (shared by a client and
    its copies)."""

    __slots__ = ("alock", "expires", "fetches", "lock", "scheme", "scopes", "value")

    def __init__(self, scheme: ClientCredentials, scopes: tuple[str, ...]) -> None:
        self.scheme = scheme
        self.scopes = scopes
        self.value: str | None = None
        self.expires = 0.0
        self.fetches = 0
        self.lock = threading.Lock()
        self.alock: asyncio.Lock | None = None

    def fresh(self, now: float) -> str | None:
        return self.value if self.value is not None and now < self.expires else None

    def request(self, values: Mapping[str, str], base_url: str) -> httpx2.Request:
        scheme = self.scheme
        form = {"grant_type": "client_credentials"}
        if self.scopes:
            form["scope"] = " ".join(self.scopes)
        pair = f"{values[scheme.client_id]}:{values[scheme.client_secret]}".encode()
        url = httpx2.URL(base_url).join(scheme.token_url)
        return httpx2.Request(
            "POST",
            url,
            data=form,
            headers={
                "Accept": "application/json",
                "Authorization": "Basic " + base64.b64encode(pair).decode("ascii"),
            },
        )

    def store(self, response: httpx2.Response, now: float, secrets: Sequence[str]) -> str:
        if not response.is_success:
            raise make_status_error(response, secrets)
        try:
            data: object = response.json()
        except ValueError:
            data = None
        if not is_mapping(data):
            data = {}
        token = data.get("access_token")
        if not isinstance(token, str) or not token:
            raise SDKError(
                f"The token endpoint {self.scheme.token_url} answered {response.status_code} "
                "without an access_token"
            )
        lifetime = data.get("expires_in")
        if isinstance(lifetime, (int, float)) and not isinstance(lifetime, bool) and lifetime > 0:
            self.expires = now + lifetime - min(_REFRESH_MARGIN, lifetime / 10)
        else:  # no stated lifetime: kept until a call is refused with it... or an hour passes
            self.expires = now + 3600.0
        self.value = token
        self.fetches += 1
        return token


class Auth:
    """One client's credentials against its `AuthSpec` (shared by copies with the same ones)."""

    __slots__ = ("_tokens", "baked", "default", "hook", "per_call", "spec", "values")

    def __init__(
        self, spec: AuthSpec, credentials: Mapping[str, str | None], hook: AuthHook | None = None
    ) -> None:
        self.spec: AuthSpec = spec
        self.values: dict[str, str] = {k: v for k, v in credentials.items() if v}
        self.hook: AuthHook | None = hook
        self._tokens: dict[tuple[str, tuple[str, ...]], _Token] = {}
        self.default: tuple[str, ...] | None = self._choose(spec.default)
        self.baked = _Parts()
        """The default alternative's headers and query, put in the client's defaults."""
        self.per_call: bool = hook is not None or self.default is None
        if self.default is not None:
            for name in self.default:
                scheme = spec.schemes[name]
                if self._fetches(scheme):
                    self.per_call = True
                else:
                    scheme.add(self.values, self.baked)
            if self.per_call:
                self.baked = _Parts()

    def _fetches(self, scheme: Scheme) -> bool:
        """Whether the scheme's token must be fetched (client credentials, no ready token)."""
        return isinstance(scheme, ClientCredentials) and not (
            scheme.access_token is not None and scheme.access_token in self.values
        )

    def replace(self, credentials: Mapping[str, str | None], hook: AuthHook | None) -> Auth:
        """This, or a new `Auth` when the credentials or hook differ (a copy of the client)."""
        merged = {**self.values, **credentials}
        if {k: v for k, v in merged.items() if v} == self.values and hook is self.hook:
            return self
        return Auth(self.spec, merged, hook)

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(self.values.values())

    def _ready(self, name: str) -> bool:
        return self.spec.schemes[name].ready(self.values, self.hook is not None)

    def _choose(self, security: Sequence[Sequence[str]]) -> tuple[str, ...] | None:
        if not security:
            return ()
        for alternative in security:
            if all(self._ready(name) for name in alternative):
                return tuple(alternative)
        return None

    def prepare(self, call: PreparedCall, security: Security | None) -> list[_Token]:
        """Put the credentials `security` asks for into `call` (replacing the client's default
        ones); returns the tokens still to fetch (their header is added by `add_token`)."""
        scoped: dict[str, tuple[str, ...]] = {}
        if security is None:
            chosen = self.default
            if chosen is None:
                raise self.missing(self.spec.default, call)
        else:
            names = _names(security, scoped)
            chosen = self._choose(names)
            if chosen is None:
                raise self.missing(names, call)
        call.auth_hook = self.hook if security is None or security else None
        if chosen == self.default and not self.per_call:
            return []
        parts = _Parts()
        tokens: list[_Token] = []
        for name in chosen:
            scheme = self.spec.schemes[name]
            if isinstance(scheme, ClientCredentials) and self._fetches(scheme):
                key = (name, scoped.get(name, scheme.scopes))
                token = self._tokens.get(key)
                if token is None:  # setdefault: one token for threads that get here at once
                    token = self._tokens.setdefault(key, _Token(scheme, key[1]))
                tokens.append(token)
            else:
                scheme.add(self.values, parts)
        baked = self.baked.all_headers()
        headers = {k: v for k, v in call.headers.items() if baked.get(k) != v}
        present = {name.lower() for name in headers}
        for name, value in parts.headers.items():
            if name.lower() not in present:
                headers[name] = value
        if parts.cookies:
            cookie = "; ".join(f"{name}={value}" for name, value in parts.cookies)
            existing = next((k for k in headers if k.lower() == "cookie"), None)
            if existing is None:
                headers["Cookie"] = cookie
            else:
                headers[existing] = headers[existing] + "; " + cookie
        call.headers = headers
        if self.baked.query or parts.query:
            params = [pair for pair in call.params or () if pair not in self.baked.query]
            call.params = [*params, *parts.query] or None
        return tokens

    def add_token(self, call: PreparedCall, token: str) -> None:
        headers = dict(call.headers)
        if not any(name.lower() == "authorization" for name in headers):
            headers["Authorization"] = "Bearer " + token
        call.headers = headers

    def missing(self, security: Sequence[Sequence[str]], call: PreparedCall) -> SDKError:
        """The error for a call none of whose alternatives the client has credentials for."""
        options: list[str] = []
        for alternative in security:
            needs: list[str] = []
            for name in alternative:
                if self._ready(name):
                    continue
                choices = [
                    " and ".join(self._describe(argument) for argument in group)
                    for group in self.spec.schemes[name].arguments
                ]
                needs.append(" or ".join(choices))
            options.append(" and ".join(needs))
        what = "; or ".join(dict.fromkeys(options))
        path = httpx2.URL(call.url).path
        return SDKError(f"{call.method} {path} needs credentials the client was not given: {what}")

    def _describe(self, argument: str) -> str:
        if argument == "auth_hook":
            return "pass auth_hook= (a scheme the SDK cannot send itself)"
        env = self.spec.env.get(argument)
        where = f" or set {env}" if env else ""
        return f"pass {argument}= to the client{where}"

    # --- the token fetch: the shells send the request ---------------------------------------

    def fetch_sync(
        self,
        token: _Token,
        send: Callable[[httpx2.Request], httpx2.Response],
        now: Callable[[], float],
        base_url: str,
    ) -> str:
        value = token.fresh(now())
        if value is not None:
            return value
        with token.lock:
            value = token.fresh(now())
            if value is not None:
                return value
            response = send(token.request(self.values, base_url))
            return token.store(response, now(), self.secrets)

    async def fetch_async(
        self,
        token: _Token,
        send: Callable[[httpx2.Request], Awaitable[httpx2.Response]],
        now: Callable[[], float],
        base_url: str,
    ) -> str:
        import asyncio

        value = token.fresh(now())
        if value is not None:
            return value
        if token.alock is None:
            token.alock = asyncio.Lock()
        async with token.alock:
            value = token.fresh(now())
            if value is not None:
                return value
            response = await send(token.request(self.values, base_url))
            return token.store(response, now(), self.secrets)


def _names(security: Security, scoped: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """`security`'s alternatives as scheme names; the scopes of `(name, *scopes)` entries go
    into `scoped`."""
    alternatives: list[tuple[str, ...]] = []
    for alternative in security:
        names: list[str] = []
        for entry in alternative:
            if isinstance(entry, str):
                names.append(entry)
            else:
                names.append(entry[0])
                scoped[entry[0]] = tuple(entry[1:])
        alternatives.append(tuple(names))
    return alternatives
