"""A spec-validating OpenAPI mock server (Steady, npm `@stdy/cli`) for SDK tests and for
`python -m codegen test` (tests/servers re-exports it).

`start_mock_server(spec_path)` installs the pinned Steady if needed (tools/install-mock-server.sh),
runs its platform binary directly (not through `npx`/the node shim, which would leave the server
orphaned when killed) in its own process group on a free 127.0.0.1 port, waits until it answers,
yields the base URL and kills the process group at exit.

Steady answers 400 to requests that break the spec (missing/mistyped fields, bad enums, bad JSON,
wrong content type), streams SSE only when the request's `Accept` header lists
`text/event-stream` first, and serves paths at the root whatever the spec's `servers` URL says.
"""

from __future__ import annotations

import contextlib
import ctypes
import http.client
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

REPO_ROOT = Path(__file__).resolve().parents[1]
MOCK_DIR = REPO_ROOT / "tools" / "mock-server"
INSTALL_SCRIPT = REPO_ROOT / "tools" / "install-mock-server.sh"
DEEPSEEK_SPEC = REPO_ROOT / "spec" / "openapi.yaml"

__all__ = [
    "DEEPSEEK_SPEC",
    "REPO_ROOT",
    "MockServer",
    "MockServerError",
    "ensure_installed",
    "installed_version",
    "pinned_version",
    "start_mock_server",
    "steady_binary",
]

_PACKAGE = "@stdy/cli"
_PLATFORM_PACKAGES = {
    ("linux", "x86_64"): "cli-linux-x64",
    ("linux", "aarch64"): "cli-linux-arm64",
    ("darwin", "x86_64"): "cli-darwin-x64",
    ("darwin", "arm64"): "cli-darwin-arm64",
}
_PORT_ATTEMPTS = 3


class MockServerError(RuntimeError):
    """Steady could not be installed or started (the message includes its output)."""


def pinned_version() -> str:
    """The Steady version pinned in tools/mock-server/package.json."""
    manifest = json.loads((MOCK_DIR / "package.json").read_text())
    return str(manifest["dependencies"][_PACKAGE])


def installed_version() -> str | None:
    """The Steady version in tools/mock-server/node_modules, or None."""
    manifest = MOCK_DIR / "node_modules" / _PACKAGE / "package.json"
    if not manifest.exists():
        return None
    return str(json.loads(manifest.read_text())["version"])


def steady_binary() -> Path:
    """Path of the platform binary shipped by `@stdy/cli-<os>-<arch>` (may not exist yet)."""
    key = (sys.platform, platform.machine())
    if key not in _PLATFORM_PACKAGES:
        raise MockServerError(f"no Steady binary for platform {key}")
    return MOCK_DIR / "node_modules" / "@stdy" / _PLATFORM_PACKAGES[key] / "bin" / "steady"


def ensure_installed() -> Path:
    """Install the pinned Steady when missing or outdated; return its binary."""
    binary = steady_binary()
    if installed_version() != pinned_version() or not binary.exists():
        done = subprocess.run(
            ["bash", str(INSTALL_SCRIPT)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0 or not binary.exists():
            raise MockServerError(
                f"{INSTALL_SCRIPT.name} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}"
            )
    return binary


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _parent_death_signal() -> Callable[[], None] | None:
    """On Linux, a pre-exec hook that kills the server if the test process dies abruptly."""
    if sys.platform != "linux":
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    pr_set_pdeathsig = 1

    def hook() -> None:
        prctl(pr_set_pdeathsig, signal.SIGKILL)

    return hook


class MockServer:
    """One Steady process. Prefer `start_mock_server`; this class exposes the PID and the log."""

    def __init__(
        self,
        spec_path: str | os.PathLike[str],
        *,
        stream_interval_ms: int = 0,
        extra_args: Sequence[str] = (),
        startup_timeout: float = 30.0,
    ) -> None:
        self.spec_path = Path(spec_path).resolve()
        self.stream_interval_ms = stream_interval_ms
        self.extra_args = tuple(extra_args)
        self.startup_timeout = startup_timeout
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. `http://127.0.0.1:41234` (paths are served at the root)."""
        if not self.port:
            raise RuntimeError("mock server not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        """PID of the Steady process (also its process-group id)."""
        if self._process is None:
            raise RuntimeError("mock server not started")
        return self._process.pid

    def log(self) -> str:
        """Everything Steady printed so far (startup diagnostics, one line per request)."""
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def start(self) -> MockServer:
        """Start Steady and wait until it answers HTTP; retries on a port taken meanwhile."""
        if not self.spec_path.is_file():
            raise MockServerError(f"spec not found: {self.spec_path}")
        binary = ensure_installed()
        for _ in range(_PORT_ATTEMPTS):
            self._launch(binary, _free_port())
            try:
                ready = self._wait_ready()
            except BaseException:
                self.stop()
                self.close_log()
                raise
            if ready:
                return self
            output = self.log()
            self.stop()
            self.close_log()
            if "address already in use" not in output.lower():
                raise MockServerError(f"Steady did not start for {self.spec_path}:\n{output}")
        raise MockServerError(f"no free port after {_PORT_ATTEMPTS} attempts")

    def stop(self) -> None:
        """Kill the process group (SIGTERM, then SIGKILL after 5 s) and wait for it (idempotent)."""
        process, self._process = self._process, None
        if process is not None:
            for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, sig)
                try:
                    process.wait(timeout=grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        self.port = 0

    def close_log(self) -> None:
        """Discard the captured output."""
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        self.close_log()

    def _launch(self, binary: Path, port: int) -> None:
        self.close_log()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server
        command = [
            str(binary),
            "--host", "127.0.0.1",
            "--port", str(port),
            "--no-color",
            f"--stream-interval={self.stream_interval_ms}",
            *self.extra_args,
            str(self.spec_path),
        ]  # fmt: skip
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=MOCK_DIR,
            start_new_session=True,
            preexec_fn=_parent_death_signal(),
        )
        self.port = port

    def _wait_ready(self) -> bool:
        """Poll until Steady (recognised by its `x-steady-*` headers) answers on the port."""
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                return False
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=0.25)
            try:
                conn.request("GET", "/")
                response = conn.getresponse()
                if any(name.lower().startswith("x-steady-") for name, _ in response.getheaders()):
                    return True
            except OSError:
                pass
            finally:
                conn.close()
            time.sleep(0.02)
        raise MockServerError(f"Steady not ready after {self.startup_timeout}s:\n{self.log()}")


@contextlib.contextmanager
def start_mock_server(
    spec_path: str | os.PathLike[str],
    *,
    stream_interval_ms: int = 0,
    extra_args: Sequence[str] = (),
) -> Iterator[str]:
    """Run Steady on `spec_path` for the `with` block and yield its base URL.

    `stream_interval_ms` is the pause between streamed SSE events (per request:
    `X-Steady-Stream-Interval-Ms`); `extra_args` go to the Steady command line
    (e.g. `--generator-seed=7`, `--validator-strict-oneof`).
    """
    with MockServer(
        spec_path, stream_interval_ms=stream_interval_ms, extra_args=extra_args
    ) as server:
        yield server.url
