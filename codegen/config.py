"""The generator config (`spec/sdk.yaml`): only what cannot be derived from the spec.

Every key is optional; `load_config(None)` gives a config whose values `lower` derives from the
spec (package name from the title, base URL from `servers[0]`, ...). An unknown key, or a value
of the wrong type, raises `ConfigError` naming the key as a JSON pointer into the file.

```yaml
package: deepseek_sdk            # Python import name
distribution: sdkgen-deepseek    # pip distribution name
version: 0.1.0
client: DeepSeek                 # sync client class; the async one is Async<client>
env: {api_key: DEEPSEEK_API_KEY, base_url: DEEPSEEK_BASE_URL, log: DEEPSEEK_LOG}
base_url: https://api.deepseek.com
path_prefixes: [/v1, /beta]      # prefixes a base URL may end with (see the runtime's api_root)
idempotency_header: Idempotency-Key
multipart_style: spec            # or brackets: multipart `a[b]=v`, `a[]=v` (openai-python's)
auth:                            # per security scheme, by its name in components.securitySchemes
  BotToken: {prefix: "Bot "}     #   an apiKey sent in Authorization after a scheme word
  AppKey: {argument: app_key, env: ACME_APP_KEY}  # its constructor argument and env variable
operations:                      # keyed by "METHOD /path"
  GET /user/balance: {resource: user, method: balance, paginate: none}
  # POST /uploads: {body: multipart/form-data}   # the request body media type to send
helpers:                         # resource -> module under lib/ whose @helper_method functions
  chat.completions: chat_helpers #   become methods of that resource
types:                           # component schema -> class names, per side
  ChatCompletionMessageInput: {param: ChatCompletionMessageParam}
readme: README.guide.md          # Markdown sections for the generated README (beside this file)
validate:                        # `codegen validate` rules: level, or level + options
  operation-description: error   # (the rules and their options: codegen/spec/rules.py)
frontends:                       # the command line and MCP server (extras `cli`, `mcp`; both
  cli:                           # by default, `cli: false` / `mcp: false` leaves one out)
    command: deepseek            # console script (default: the distribution name)
    methods:                     # per method, by its dotted path on the client:
      chat.completions.create:
        options:                 # options besides one per parameter: set a parameter, or
          - {flags: [-m], param: model}    # with `keys` append {role: ARG1, content: ARG2}
          - {flags: [-g, --message], param: messages, keys: [role, content], help: ...}
        stream: {text: choices.*.delta.content, reasoning: choices.*.delta.reasoning_content}
  mcp: {server: deepseek}        # the name the MCP server announces (default: the command)
```

`auth` only adjusts what the spec's `securitySchemes` say (codegen/lower/auth.py derives the
rest): `prefix` is the text sent before an API key (`Bot `, `Token token=`; only for `apiKey`
schemes), `argument` the client's constructor argument (for a scheme with one credential) and
`env` its environment variable.

`stream` says what `--stream` prints of each chunk (dotted keys, list indexes, `*`: every item);
without it each chunk is printed as a line of JSON. Whether a method and its parameters exist is
checked against the spec by `lower` (codegen/lower/frontends.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from .errors import ConfigError
from .spec.pointer import escape_token
from .spec.rules import RuleSetting, parse_settings

__all__ = [
    "CONFIG_NAME",
    "PAGINATE_VALUES",
    "AuthSchemeConfig",
    "CliConfig",
    "CliMethodConfig",
    "CliOptionConfig",
    "Config",
    "Env",
    "FrontendsConfig",
    "Helper",
    "McpConfig",
    "OperationOverride",
    "StreamTextConfig",
    "TypeNames",
    "config_beside",
    "load_config",
    "parse_config",
]

Paginate = Literal["cursor", "page", "next_url", "page_number", "none"]
PAGINATE_VALUES: tuple[Paginate, ...] = ("cursor", "page", "next_url", "page_number", "none")
_HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_COMMAND = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_FLAG = re.compile(r"^(-[A-Za-z]|--[a-z][a-z0-9]*(-[a-z0-9]+)*)$")
_DATA_PATH = re.compile(r"^[^.]+(\.[^.]+)*$")

CONFIG_NAME = "sdk.yaml"


def config_beside(spec_path: Path) -> Path | None:
    """The `sdk.yaml` next to the spec, if there is one: the config every command uses when
    neither `--config` nor `--no-config` is given."""
    candidate = spec_path.parent / CONFIG_NAME
    return candidate if candidate.is_file() else None


@dataclass(frozen=True)
class Env:
    """Environment variable names the client reads (None: derived from the package name)."""

    api_key: str | None = None
    base_url: str | None = None
    log: str | None = None


@dataclass(frozen=True)
class AuthSchemeConfig:
    """Adjustments to one security scheme (keyed in the config by its name in the spec)."""

    prefix: str | None = None  # sent before an API key (`Bot `); apiKey schemes only
    argument: str | None = None  # the constructor argument holding its credential
    env: str | None = None  # that argument's environment variable


@dataclass(frozen=True)
class OperationOverride:
    """Overrides for one operation, keyed in the config by `"METHOD /path"`."""

    resource: str | None = None
    method: str | None = None
    paginate: Paginate | None = None
    body: str | None = None
    """The request body media type to send, of those the operation offers (as the spec writes
    it), instead of the one `lower` chooses."""


@dataclass(frozen=True)
class Helper:
    """The helper methods of `lib/<module>.py` (its `@helper_method` functions), added to the
    resource at dotted path `resource`."""

    resource: str
    module: str


@dataclass(frozen=True)
class TypeNames:
    """Class names for one component schema, instead of the ones derived from its name.

    `model` names the response-side pydantic class, `param` the request-side TypedDict (which
    otherwise is the model name + `Param`). Used to match another SDK's names without touching
    the spec.
    """

    model: str | None = None
    param: str | None = None


@dataclass(frozen=True)
class CliOptionConfig:
    """A command-line option of one method besides one per parameter: it sets the parameter
    `param` (Python name) or, with `keys`, appends `{key: ARG, ...}` to it (a list)."""

    flags: tuple[str, ...]
    param: str
    keys: tuple[str, ...] = ()
    help: str | None = None


@dataclass(frozen=True)
class StreamTextConfig:
    """Paths into a stream chunk of the text `--stream` prints, and of the reasoning (dimmed)."""

    text: str
    reasoning: str | None = None


@dataclass(frozen=True)
class CliMethodConfig:
    """Command-line ergonomics of one method."""

    options: tuple[CliOptionConfig, ...] = ()
    stream: StreamTextConfig | None = None


@dataclass(frozen=True)
class CliConfig:
    """The generated command line: console script name (None: the distribution name) and
    per-method ergonomics keyed by the method's dotted path (`chat.completions.create`)."""

    command: str | None = None
    methods: Mapping[str, CliMethodConfig] = field(default_factory=dict)


@dataclass(frozen=True)
class McpConfig:
    """The generated MCP server: the name it announces (None: the command's name)."""

    server: str | None = None


@dataclass(frozen=True)
class FrontendsConfig:
    """Which front-ends are generated (None: left out) and how."""

    cli: CliConfig | None = field(default_factory=CliConfig)
    mcp: McpConfig | None = field(default_factory=McpConfig)


@dataclass(frozen=True)
class Config:
    """The parsed config; `None` means "derive from the spec"."""

    package: str | None = None
    distribution: str | None = None
    version: str | None = None
    client: str | None = None
    env: Env = field(default_factory=Env)
    base_url: str | None = None
    path_prefixes: tuple[str, ...] = ()
    idempotency_header: str | None = None
    multipart_style: Literal["spec", "brackets"] = "spec"
    """How multipart bodies are encoded: `spec` (OpenAPI's rules, the default) or `brackets`
    (Rails-style `a[b]=v`, `a[]=v`, as openai-python sends them)."""
    auth: Mapping[str, AuthSchemeConfig] = field(default_factory=dict)
    operations: Mapping[str, OperationOverride] = field(default_factory=dict)
    helpers: tuple[Helper, ...] = ()
    types: Mapping[str, TypeNames] = field(default_factory=dict)
    readme: str | None = None
    """Markdown the API team wrote for the generated README (read from the file `readme:` names,
    relative to the config file), inserted after its usage section."""
    validate: Mapping[str, RuleSetting] = field(default_factory=dict)
    frontends: FrontendsConfig = field(default_factory=FrontendsConfig)


def load_config(path: Path | None) -> Config:
    """Read and validate the config at `path`; `None` gives the all-defaults config."""
    if path is None:
        return Config()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError("", f"not valid YAML: {exc}", file=str(path)) from exc
    try:
        config = parse_config({} if data is None else data)
    except ConfigError as exc:
        exc.file = str(path)
        raise
    if config.readme is not None:
        guide = path.parent / config.readme
        try:
            text = guide.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(
                "/readme", f"cannot read {guide}: {exc.strerror}", file=str(path)
            ) from exc
        config = dataclasses.replace(config, readme=text)
    return config


def _expect_mapping(value: object, pointer: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(pointer, f"expected a mapping, got {type(value).__name__}")
    for key in value:
        if not isinstance(key, str):
            raise ConfigError(pointer, f"keys must be strings, got {key!r}")
    return cast(Mapping[str, Any], value)


def _check_keys(data: Mapping[str, Any], allowed: tuple[str, ...], pointer: str) -> None:
    for key in data:
        if key not in allowed:
            raise ConfigError(
                f"{pointer}/{escape_token(key)}",
                f"unknown key {key!r}; expected one of: {', '.join(allowed)}",
            )


def _string(
    data: Mapping[str, Any], key: str, pointer: str, pattern: re.Pattern[str] | None = None
) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    where = f"{pointer}/{escape_token(key)}"
    if not isinstance(value, str) or not value:
        raise ConfigError(where, f"expected a non-empty string, got {value!r}")
    if pattern is not None and not pattern.match(value):
        raise ConfigError(where, f"{value!r} is not valid here (expected {pattern.pattern})")
    return value


def _operation_key(key: str, pointer: str) -> str:
    method, _, path = key.partition(" ")
    if method.upper() not in _HTTP_METHODS or not path.startswith("/"):
        raise ConfigError(pointer, f"operation keys look like 'GET /path', got {key!r}")
    return f"{method.upper()} {path}"


def _operation(value: object, pointer: str) -> OperationOverride:
    data = _expect_mapping(value, pointer)
    _check_keys(data, ("resource", "method", "paginate", "body"), pointer)
    body = data.get("body")
    if body is not None and not isinstance(body, str):
        raise ConfigError(f"{pointer}/body", f"expected a media type, got {body!r}")
    paginate = data.get("paginate")
    if paginate is not None and paginate not in PAGINATE_VALUES:
        raise ConfigError(
            f"{pointer}/paginate",
            f"expected one of {', '.join(PAGINATE_VALUES)}, got {paginate!r}",
        )
    return OperationOverride(
        resource=_string(data, "resource", pointer, _DOTTED),
        method=_string(data, "method", pointer, _IDENT),
        paginate=cast("Paginate | None", paginate),
        body=body,
    )


_PATH_PREFIX = re.compile(r"^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$")


def _multipart_style(value: object) -> Literal["spec", "brackets"]:
    """`multipart_style`: `spec` (OpenAPI's encoding) or `brackets` (Rails-style field names)."""
    if value == "spec" or value == "brackets":
        return value
    raise ConfigError("/multipart_style", f"expected spec or brackets, got {value!r}")


def _path_prefixes(value: object) -> tuple[str, ...]:
    """`path_prefixes`: URL path prefixes (`/v1`, `/beta`) the API is also served under."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError("/path_prefixes", f"expected a list of paths like /v1, got {value!r}")
    out = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not _PATH_PREFIX.match(item.strip("/")):
            raise ConfigError(
                f"/path_prefixes/{index}", f"expected a path like /v1 or /beta, got {item!r}"
            )
        out.append("/" + item.strip("/"))
    return tuple(out)


def _strings(
    value: object, pointer: str, pattern: re.Pattern[str] | None = None
) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ConfigError(pointer, f"expected a non-empty list of strings, got {value!r}")
    items = cast(list[object], value)
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item:
            raise ConfigError(f"{pointer}/{index}", f"expected a non-empty string, got {item!r}")
        if pattern is not None and not pattern.match(item):
            raise ConfigError(
                f"{pointer}/{index}", f"{item!r} is not valid here (expected {pattern.pattern})"
            )
    if len(set(items)) != len(items):
        raise ConfigError(pointer, "lists the same value twice")
    return tuple(cast(list[str], items))


def _cli_method(value: object, pointer: str) -> CliMethodConfig:
    data = _expect_mapping(value, pointer)
    _check_keys(data, ("options", "stream"), pointer)
    options: list[CliOptionConfig] = []
    raw_options = data.get("options") or []
    if not isinstance(raw_options, list):
        raise ConfigError(f"{pointer}/options", f"expected a list, got {raw_options!r}")
    for index, item in enumerate(cast(list[object], raw_options)):
        where = f"{pointer}/options/{index}"
        option = _expect_mapping(item, where)
        _check_keys(option, ("flags", "param", "keys", "help"), where)
        param = _string(option, "param", where, _IDENT)
        if param is None:
            raise ConfigError(f"{where}/param", "name the parameter the option fills")
        keys = option.get("keys")
        options.append(
            CliOptionConfig(
                flags=_strings(option.get("flags"), f"{where}/flags", _FLAG),
                param=param,
                keys=() if keys is None else _strings(keys, f"{where}/keys"),
                help=_string(option, "help", where),
            )
        )
    stream: StreamTextConfig | None = None
    if data.get("stream") is not None:
        where = f"{pointer}/stream"
        stream_data = _expect_mapping(data["stream"], where)
        _check_keys(stream_data, ("text", "reasoning"), where)
        text = _string(stream_data, "text", where, _DATA_PATH)
        if text is None:
            raise ConfigError(f"{where}/text", "give the path of the text in a chunk")
        stream = StreamTextConfig(text, _string(stream_data, "reasoning", where, _DATA_PATH))
    return CliMethodConfig(options=tuple(options), stream=stream)


def _frontends(value: object) -> FrontendsConfig:
    data = _expect_mapping(value or {}, "/frontends")
    _check_keys(data, ("cli", "mcp"), "/frontends")
    cli: CliConfig | None = CliConfig()
    cli_data = data.get("cli", True)
    if cli_data is False:
        cli = None
    elif cli_data is not True and cli_data is not None:
        mapping = _expect_mapping(cli_data, "/frontends/cli")
        _check_keys(mapping, ("command", "methods"), "/frontends/cli")
        methods: dict[str, CliMethodConfig] = {}
        for key, item in _expect_mapping(
            mapping.get("methods") or {}, "/frontends/cli/methods"
        ).items():
            where = f"/frontends/cli/methods/{escape_token(key)}"
            if not _DOTTED.match(key) or "." not in key:
                raise ConfigError(where, f"{key!r} is not a method's dotted path (resource.method)")
            methods[key] = _cli_method(item, where)
        cli = CliConfig(
            command=_string(mapping, "command", "/frontends/cli", _COMMAND), methods=methods
        )
    mcp: McpConfig | None = McpConfig()
    mcp_data = data.get("mcp", True)
    if mcp_data is False:
        mcp = None
    elif mcp_data is not True and mcp_data is not None:
        mapping = _expect_mapping(mcp_data, "/frontends/mcp")
        _check_keys(mapping, ("server",), "/frontends/mcp")
        mcp = McpConfig(server=_string(mapping, "server", "/frontends/mcp", _COMMAND))
    return FrontendsConfig(cli=cli, mcp=mcp)


def parse_config(data: object) -> Config:
    """Validate already-parsed config data (the YAML document) into a `Config`."""
    root = _expect_mapping(data, "")
    _check_keys(
        root,
        (
            "package",
            "distribution",
            "version",
            "client",
            "env",
            "base_url",
            "path_prefixes",
            "idempotency_header",
            "multipart_style",
            "auth",
            "operations",
            "helpers",
            "types",
            "readme",
            "validate",
            "frontends",
        ),
        "",
    )
    env_data = _expect_mapping(root.get("env") or {}, "/env")
    _check_keys(env_data, ("api_key", "base_url", "log"), "/env")
    env = Env(
        api_key=_string(env_data, "api_key", "/env", _IDENT),
        base_url=_string(env_data, "base_url", "/env", _IDENT),
        log=_string(env_data, "log", "/env", _IDENT),
    )
    operations: dict[str, OperationOverride] = {}
    for key, value in _expect_mapping(root.get("operations") or {}, "/operations").items():
        pointer = f"/operations/{escape_token(key)}"
        normalized = _operation_key(key, pointer)
        if normalized in operations:
            raise ConfigError(pointer, f"operation {normalized!r} is listed twice")
        operations[normalized] = _operation(value, pointer)
    helpers: list[Helper] = []
    for key, value in _expect_mapping(root.get("helpers") or {}, "/helpers").items():
        pointer = f"/helpers/{escape_token(key)}"
        if not _DOTTED.match(key):
            raise ConfigError(pointer, f"{key!r} is not a dotted resource path")
        if not isinstance(value, str) or not _DOTTED.match(value):
            raise ConfigError(
                pointer, f"expected a module under lib/ (e.g. chat_helpers), got {value!r}"
            )
        helpers.append(Helper(key, value))
    types: dict[str, TypeNames] = {}
    for key, value in _expect_mapping(root.get("types") or {}, "/types").items():
        pointer = f"/types/{escape_token(key)}"
        data = _expect_mapping(value, pointer)
        _check_keys(data, ("model", "param"), pointer)
        names = TypeNames(
            model=_string(data, "model", pointer, _IDENT),
            param=_string(data, "param", pointer, _IDENT),
        )
        if names.model is None and names.param is None:
            raise ConfigError(pointer, "give a `model` and/or a `param` class name")
        types[key] = names
    auth: dict[str, AuthSchemeConfig] = {}
    for key, value in _expect_mapping(root.get("auth") or {}, "/auth").items():
        pointer = f"/auth/{escape_token(key)}"
        data = _expect_mapping(value, pointer)
        _check_keys(data, ("prefix", "argument", "env"), pointer)
        prefix = data.get("prefix")
        if prefix is not None and (not isinstance(prefix, str) or not prefix.strip()):
            raise ConfigError(f"{pointer}/prefix", f"expected text like 'Bot ', got {prefix!r}")
        if isinstance(prefix, str) and ("\r" in prefix or "\n" in prefix):
            raise ConfigError(f"{pointer}/prefix", "a header value cannot hold a line break")
        auth[key] = AuthSchemeConfig(
            prefix=prefix,
            argument=_string(data, "argument", pointer, _IDENT),
            env=_string(data, "env", pointer, _IDENT),
        )
    version = root.get("version")
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        version = str(version)
    return Config(
        package=_string(root, "package", "", _IDENT),
        distribution=_string(root, "distribution", "", re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")),
        version=_string({"version": version}, "version", ""),
        client=_string(root, "client", "", _IDENT),
        env=env,
        base_url=_string(root, "base_url", ""),
        path_prefixes=_path_prefixes(root.get("path_prefixes")),
        idempotency_header=_string(root, "idempotency_header", ""),
        multipart_style=_multipart_style(root.get("multipart_style", "spec")),
        auth=auth,
        operations=operations,
        helpers=tuple(sorted(helpers, key=lambda helper: helper.resource)),
        types=types,
        readme=_string(root, "readme", ""),
        validate=parse_settings(root.get("validate"), "/validate"),
        frontends=_frontends(root.get("frontends")),
    )
