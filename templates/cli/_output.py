"""What the command line prints: JSON (pretty on a terminal, compact when piped), streams as
they arrive, raw responses, binary bodies, and errors.

A stream whose text the config declares (`sdk.yaml`: `frontends.cli.methods.<m>.stream`) prints
that text; the reasoning, when declared, is dimmed on a terminal and goes to standard error
when the output is piped, so a pipe gets only the answer. Other streams print each chunk as a
line of JSON.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import IO, Any

from .._frontend.calls import is_dict, is_list, to_data

__all__ = ["Output", "extract_text"]

_DIM = "\x1b[2m"
_RESET = "\x1b[0m"


def extract_text(data: Any, path: str) -> str:
    """The strings at `path` in `data` (dotted keys, list indexes, `*` for every item), joined."""
    found: list[object] = [data]
    for part in path.split("."):
        step: list[object] = []
        for value in found:
            if part == "*":
                if is_list(value):
                    step.extend(value)
                elif is_dict(value):
                    step.extend(value.values())
            elif is_dict(value) and part in value:
                step.append(value[part])
            elif is_list(value) and part.isdigit() and int(part) < len(value):
                step.append(value[int(part)])
        found = step
    return "".join(v for v in found if isinstance(v, str))


class Output:
    """Where results go: standard output, or the file of `-o`."""

    def __init__(self, prog: str, path: str | None = None) -> None:
        self.prog = prog
        self.path = path
        self._file: IO[bytes] | None = None
        self.stdout = sys.stdout
        self.stderr = sys.stderr
        self.tty = path is None and self.stdout.isatty()
        self.color = (
            self.tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        )

    def _binary(self) -> IO[bytes]:
        if self._file is None:
            if self.path is None:
                self.stdout.flush()
                return self.stdout.buffer
            self._file = open(self.path, "wb")  # noqa: SIM115 - closed by close()
        return self._file

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def write(self, text: str) -> None:
        if self.path is None:
            self.stdout.write(text)
            self.stdout.flush()
        else:
            self._binary().write(text.encode("utf-8"))

    def json(self, data: Any) -> None:
        """`data` as JSON: indented on a terminal, one line otherwise."""
        if self.tty:
            text = json.dumps(data, indent=2, ensure_ascii=False)
        else:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self.write(text + "\n")

    def binary(self, content: bytes) -> bool:
        """Write a binary body; False (nothing written) when it is not text and would go to a
        terminal."""
        if self.tty:
            try:
                text = content.decode("utf-8")
            except UnicodeDecodeError:
                return False
            self.write(text if text.endswith("\n") or not text else text + "\n")
            return True
        self._binary().write(content)
        if self.path is None:
            self.stdout.buffer.flush()
        return True

    def status(self, response: Any) -> None:
        """The status line and headers of an httpx2 response, then a blank line."""
        lines = [f"{response.http_version} {response.status_code} {response.reason_phrase}"]
        lines.extend(f"{name}: {value}" for name, value in response.headers.multi_items())
        self.write("\n".join(lines) + "\n\n")

    def stream(self, chunks: Iterable[Any], paths: tuple[str, str | None] | None) -> None:
        """Print stream chunks as they arrive (see the module docstring)."""
        if paths is None:
            for chunk in chunks:
                text = json.dumps(to_data(chunk), ensure_ascii=False, separators=(",", ":"))
                self.write(text + "\n")
            return
        text_path, reasoning_path = paths
        state = ""  # "", "reasoning" or "text": what was printed last
        for chunk in chunks:
            data = to_data(chunk)
            reasoning = extract_text(data, reasoning_path) if reasoning_path else ""
            text = extract_text(data, text_path)
            if reasoning:
                if self.tty:
                    self.write(f"{_DIM}{reasoning}{_RESET}" if self.color else reasoning)
                else:
                    self.stderr.write(reasoning)
                    self.stderr.flush()
                state = state if state == "text" else "reasoning"
            if text:
                if state == "reasoning":
                    if self.tty:
                        self.write("\n\n")
                    else:
                        self.stderr.write("\n")
                state = "text"
                self.write(text)
        if state == "text":
            self.write("\n")
        elif state == "reasoning":
            (self.stdout if self.tty else self.stderr).write("\n")

    def error(self, message: str, request_id: str | None = None) -> None:
        """An error on standard error."""
        self.stderr.write(f"{self.prog}: error: {message}\n")
        if request_id:
            self.stderr.write(f"request id: {request_id}\n")
        self.stderr.flush()
