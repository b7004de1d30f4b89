"""SDK hygiene, checked on the generated package against loopback servers.

- Path parameters are percent-encoded into exactly one URL segment; empty, `.` and `..` are
  refused before anything is sent.
- CR or LF in a header name or value (per call, client defaults, the API key) raises
  `ValueError` naming the header, and nothing is sent.
- The API key never shows in `repr`/`str` of a client, in log records, or in the text of an
  exception (chained causes included), even when the server echoes it back.
- TLS certificates are verified by default; a private CA is trusted by passing an
  `httpx2.Client(verify=ssl_context)` as `http_client`. A redirect to another origin does not
  carry the API key.
"""

from __future__ import annotations

import inspect
import logging
import shlex
import shutil
import ssl
import subprocess
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from deepseek_sdk import (
    APIConnectionError,
    AsyncDeepSeek,
    AuthenticationError,
    DeepSeek,
)
from servers import Disconnect, Json, RecordedRequest, ScriptedServer

API_KEY = "sk-hygiene-0123456789abcdef"
MODEL = {"id": "deepseek-chat", "object": "model", "owned_by": "deepseek"}


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    return bool(request.param == "async")


def make_client(is_async: bool, base_url: str, **options: Any) -> Any:
    """A client of either kind; plain-HTTP tests skip loading the CA bundle (`verify=False`)."""
    if "http_client" not in options and base_url.startswith("http:"):
        options["http_client"] = (
            httpx2.AsyncClient(verify=False) if is_async else httpx2.Client(verify=False)
        )
    cls = AsyncDeepSeek if is_async else DeepSeek
    return cls(api_key=API_KEY, base_url=base_url, max_retries=0, **options)


async def resolve(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


def exception_text(exc: BaseException) -> str:
    """Everything a traceback or a log of `exc` would show, causes included."""
    return "".join(traceback.format_exception(exc)) + repr(exc)


# --- path parameters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model_id", "wire"),
    [
        ("a/b", "a%2Fb"),
        ("../../files", "..%2F..%2Ffiles"),
        ("x?limit=1", "x%3Flimit%3D1"),
        ("x#frag", "x%23frag"),
        ("100% sure", "100%25%20sure"),
        ("é", "%C3%A9"),
        ("a%2Fb", "a%252Fb"),
    ],
)
async def test_path_parameters_are_one_encoded_segment(
    is_async: bool, model_id: str, wire: str
) -> None:
    with ScriptedServer([Json({**MODEL, "id": model_id})]) as server:
        client = make_client(is_async, server.url)
        model = await resolve(client.models.retrieve(model_id))
        await resolve(client.close())
    assert model.id == model_id
    assert server.requests[0].target == f"/models/{wire}"


@pytest.mark.parametrize(
    ("model_id", "error"), [("", ValueError), (".", ValueError), ("..", ValueError)]
)
async def test_unsafe_path_parameters_are_refused(
    is_async: bool, model_id: str, error: type[Exception]
) -> None:
    with ScriptedServer() as server:
        client = make_client(is_async, server.url)
        with pytest.raises(error, match="model"):
            await resolve(client.models.retrieve(model_id))
        await resolve(client.close())
    assert server.requests == ()


# --- header injection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Trace": "ok\r\nX-Injected: 1"},
        {"X-Trace": "ok\nX-Injected: 1"},
        {"X-Trace": "ok\r"},
        {"X-Trace\r\nX-Injected": "1"},
    ],
)
async def test_header_values_with_cr_or_lf_are_refused(
    is_async: bool, headers: dict[str, str]
) -> None:
    with ScriptedServer() as server:
        client = make_client(is_async, server.url)
        with pytest.raises(ValueError, match="CR or LF") as per_call:
            await resolve(client.models.list(extra_headers=headers))
        with pytest.raises(ValueError, match="CR or LF"):
            client.with_options(default_headers=headers)
        await resolve(client.close())
        with pytest.raises(ValueError, match="CR or LF"):
            make_client(is_async, server.url, default_headers=headers)
    assert server.requests == ()
    assert "X-Injected: 1" not in str(per_call.value)


def test_an_api_key_with_a_line_break_is_refused_without_echoing_it() -> None:
    key = API_KEY + "\r\nX-Injected: 1"
    with pytest.raises(ValueError, match="Authorization") as info:
        DeepSeek(api_key=key, base_url="http://127.0.0.1:9")
    assert API_KEY not in exception_text(info.value)


# --- the API key stays secret --------------------------------------------------------------


def test_repr_and_str_of_clients_mask_the_key() -> None:
    sync = DeepSeek(api_key=API_KEY, base_url="http://127.0.0.1:9")
    clients = [
        sync,
        sync.with_options(max_retries=5),
        AsyncDeepSeek(api_key=API_KEY, base_url="http://127.0.0.1:9"),
    ]
    for client in clients:
        assert API_KEY not in repr(client)
        assert API_KEY not in str(client)
        assert "****" in repr(client)


def _echo_key(request: RecordedRequest) -> Json:
    """A server that quotes the credential it received in its error message."""
    sent = request.header("authorization") or ""
    message = f"Incorrect API key provided: {sent.removeprefix('Bearer ')}"
    return Json({"error": {"message": message, "type": "authentication_error"}}, status=401)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(self.format(record))


@pytest.fixture
def sdk_log() -> Iterator[_Records]:
    """Every record of the SDK's logger at DEBUG (request and response lines included)."""
    logger = logging.getLogger("deepseek_sdk")
    handler, level = _Records(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


async def test_the_key_is_in_no_exception_or_log_record(is_async: bool, sdk_log: _Records) -> None:
    with ScriptedServer([Json({"error": {"message": "busy"}}, status=503), Disconnect()]) as server:
        server.handler = _echo_key
        client = make_client(is_async, server.url).with_options(max_retries=1)
        with pytest.raises(APIConnectionError) as dropped:
            await resolve(client.models.list())
        with pytest.raises(AuthenticationError) as rejected:
            await resolve(client.models.list())
        await resolve(client.close())
    assert server.requests[0].header("authorization") == f"Bearer {API_KEY}"
    assert "Incorrect API key provided: ****" in str(rejected.value)
    for exc in (dropped.value, rejected.value):
        assert API_KEY not in exception_text(exc)
        assert API_KEY not in repr(exc.body)
    assert any("authorization" in m.lower() for m in sdk_log.messages)
    assert any("Retrying" in m for m in sdk_log.messages)
    assert not [m for m in sdk_log.messages if API_KEY in m]


# --- TLS -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A throwaway CA and a certificate for 127.0.0.1 signed by it (made with `openssl`)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
    (folder / "leaf.ext").write_text(
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
        "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"
    )
    commands = [
        f"req -x509 {ec} -keyout ca.key -out ca.pem -days 2 -subj /CN=SDK-test-CA"
        " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign",
        f"req {ec} -keyout leaf.key -out leaf.csr -subj /CN=127.0.0.1",
        "x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out leaf.pem"
        " -days 2 -extfile leaf.ext",
    ]
    for command in commands:
        subprocess.run(
            [openssl, *shlex.split(command)], cwd=folder, check=True, capture_output=True
        )
    return {name: folder / f"{name}.pem" for name in ("ca", "leaf")} | {"key": folder / "leaf.key"}


@pytest.fixture
def tls_server(tls_files: dict[str, Path]) -> Iterator[ScriptedServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls_files["leaf"], tls_files["key"])
    with ScriptedServer(lambda _: Json({"object": "list", "data": [MODEL]}), ssl=context) as server:
        yield server


async def test_tls_certificates_are_verified_by_default(
    is_async: bool, tls_server: ScriptedServer
) -> None:
    client = make_client(is_async, tls_server.url)
    with pytest.raises(APIConnectionError) as info:
        await resolve(client.models.list())
    await resolve(client.close())
    assert isinstance(info.value.__cause__, httpx2.ConnectError)
    assert "CERTIFICATE_VERIFY_FAILED" in str(info.value.__cause__)
    assert tls_server.requests == ()


async def test_a_private_ca_is_trusted_through_a_custom_http_client(
    is_async: bool, tls_server: ScriptedServer, tls_files: dict[str, Path]
) -> None:
    context = ssl.create_default_context(cafile=str(tls_files["ca"]))
    pool = httpx2.AsyncClient(verify=context) if is_async else httpx2.Client(verify=context)
    client = make_client(is_async, tls_server.url, http_client=pool)
    page = await resolve(client.models.list())
    await resolve(client.close())
    assert [model.id for model in page.data] == ["deepseek-chat"]
    assert tls_server.requests[0].header("authorization") == f"Bearer {API_KEY}"


async def test_a_redirect_to_another_origin_does_not_carry_the_key(is_async: bool) -> None:
    with ScriptedServer([Json({"object": "list", "data": [MODEL]})]) as other:
        moved = Json({}, status=307, headers={"location": f"{other.url}/models"})
        with ScriptedServer([moved]) as server:
            cls = AsyncDeepSeek if is_async else DeepSeek
            client = cls(api_key=API_KEY, base_url=server.url)  # its own pool follows redirects
            page = await resolve(client.models.list())
            await resolve(client.close())
    assert [model.id for model in page.data] == ["deepseek-chat"]
    assert server.requests[0].header("authorization") == f"Bearer {API_KEY}"
    assert other.requests[0].header("authorization") is None
