"""Incremental Server-Sent Events decoder.

Sans-I/O: feed it the bytes of a `text/event-stream` body in chunks of any size and it returns
the events completed so far. Follows the WHATWG event-stream rules (LF, CR and CRLF line ends,
`data`/`event`/`id`/`retry` fields, `:` comments), with two deliberate differences:

- An event is dispatched when its block had any recognised field, even with no `data:` line
  (`event: ping`, a lone `retry:`), so callers see it and decide; its `data` is then `""`.
- At end of input an unterminated final event is dispatched instead of dropped, so a body that
  ends without the closing blank line does not silently lose its last chunk.

`feed_runs` is `feed` for consumers that handle many events at once (`_streaming` validates a
run of JSON payloads with one pydantic call): a run of plain one-line `data:` events comes back
as one `DataRun` holding the raw values, which `DataRun.events()` expands when needed.

This is the streaming hot path, so work is done per chunk rather than per byte: each chunk's
complete lines are decoded with one `bytes.decode` (never a partial line, so a UTF-8 character
split across chunks is safe) and split with one `str.split`; a run of plain one-line `data:`
events is recognised with one regex match and turned into events without a Python-level loop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import Any, Callable, NamedTuple, cast

__all__ = ["DataRun", "SSEDecodeError", "SSEDecoder", "ServerSentEvent"]

_LINE_END = re.compile(r"\r\n|\r|\n")
_RUN_SEPARATOR = "\n\ndata: "  # between two values of a plain run (values hold no LF)
_PLAIN_EVENTS = re.compile(r"(?:data: [^\n]*\n\n)+")  # one-line events, nothing else
_BOM = "\ufeff"
_EXCERPT_BYTES = 80


class ServerSentEvent(NamedTuple):
    """One dispatched event (a named tuple: cheap to build, compared field by field).

    `event` is None when the block had no `event:` field; `data` is the block's `data:` lines
    joined with `\\n`; `id` is the last event id seen on the stream (ids persist across events);
    `retry` is this block's `retry:` value in milliseconds. `line` is the 1-based line number of
    the event's first `data:` line (0 if it had none), for error messages.
    """

    event: str | None = None
    data: str = ""
    id: str | None = None
    retry: int | None = None
    line: int = 0


# ServerSentEvent from a 5-tuple, skipping NamedTuple's Python __new__.
_new_event = cast(
    "Callable[[type[ServerSentEvent], Iterable[object]], ServerSentEvent]",
    tuple[Any, ...].__new__,  # the same function as tuple.__new__
)


class DataRun(NamedTuple):
    """Consecutive plain events (one `data: ` line each, no other field), as returned by `feed_runs`.

    `text` is the values as on the wire, joined by `"\\n\\ndata: "`; `values` is the list of
    values (each one line); the i-th event's data line is `first_line + 2 * i`; `last_id` is
    the stream's last event id, which every event of the run carries.
    """

    text: str
    values: list[str]
    first_line: int
    last_id: str | None

    def events(self) -> list[ServerSentEvent]:
        """The run as `ServerSentEvent`s, exactly as `feed` would have returned them."""
        # ServerSentEvent(None, value, last id, None, line) for each value, built in C (no
        # bytecode runs per event): map() calls tuple.__new__ on zipped 5-tuples.
        fields = zip(
            repeat(None),
            self.values,
            repeat(self.last_id),
            repeat(None),
            range(self.first_line, self.first_line + 2 * len(self.values), 2),
        )
        return list(map(_new_event, repeat(ServerSentEvent), fields))


class SSEDecodeError(ValueError):
    """The stream's bytes are not valid UTF-8; names the offending line."""

    def __init__(self, line_number: int, line: bytes, reason: str) -> None:
        self.line_number = line_number
        self.line = line
        excerpt = line[:_EXCERPT_BYTES]
        more = "..." if len(line) > _EXCERPT_BYTES else ""
        super().__init__(
            f"invalid UTF-8 in server-sent events at line {line_number} ({reason}): "
            f"{excerpt!r}{more}"
        )


class SSEDecoder:
    """Turns chunks of an event-stream body into `ServerSentEvent`s.

    Call `feed(chunk)` (or `feed_runs(chunk)`) for every chunk and `flush()` once at end of
    input; each returns the events completed by that call. One decoder per stream.
    """

    def __init__(self) -> None:
        self._pending: list[bytes] = []  # start of an unterminated line (holds no CR/LF)
        self._skip_lf = False  # the last chunk ended in CR: a leading LF completes a CRLF
        self._at_start = True  # a UTF-8 BOM at the very start is dropped
        self._lines_seen = 0
        self._data: list[str] = []
        self._event: str | None = None
        self._retry: int | None = None
        self._last_id: str | None = None
        self._has_fields = False
        self._first_data_line = 0

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Consume `chunk`; return the events it completes (often none or several)."""
        events: list[ServerSentEvent] = []
        for item in self.feed_runs(chunk):
            if isinstance(item, DataRun):
                events.extend(item.events())
            else:
                events.append(item)
        return events

    def feed_runs(self, chunk: bytes) -> Sequence[ServerSentEvent | DataRun]:
        """Like `feed`, but runs of plain one-line `data:` events come back as `DataRun`s."""
        if self._skip_lf:
            if not chunk:
                return []
            self._skip_lf = False
            if chunk[0] == 0x0A:
                chunk = chunk[1:]
        if not chunk:
            return []
        size = len(chunk)
        end = chunk.rfind(b"\n")
        if end != size - 1:
            end = max(end, chunk.rfind(b"\r"))
            if end < 0:
                self._pending.append(chunk)
                return []
        if end == size - 1:
            block, tail = chunk, b""
        else:
            block, tail = chunk[: end + 1], chunk[end + 1 :]
        if self._pending:
            self._pending.append(block)
            block = b"".join(self._pending)
            self._pending = []
        if tail:
            self._pending.append(tail)
        elif block[-1] == 0x0D:
            self._skip_lf = True
        text = self._decode(block)
        if "\r" in text:
            return self._process(_LINE_END.split(text)[:-1])
        return self._process_lf(text)

    def flush(self) -> list[ServerSentEvent]:
        """Signal end of input: process an unterminated last line and dispatch a pending event."""
        lines: list[str] = []
        if self._pending:
            lines.append(self._decode(b"".join(self._pending)))  # holds no line end
            self._pending = []
        lines.append("")  # end of input ends the last event like a blank line would
        self._skip_lf = False
        return self._process(lines)

    def _decode(self, block: bytes) -> str:
        try:
            text = block.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise self._decode_error(block, exc) from None
        if self._at_start:
            self._at_start = False
            if text.startswith(_BOM):
                text = text[1:]
        return text

    def _process_lf(self, text: str) -> list[ServerSentEvent | DataRun]:
        """Process `text` (whole lines, LF ends only), taking runs of plain events in bulk.

        A run of `data: <line>` + blank line events that starts at an event boundary is taken
        with one regex match and one split, as one `DataRun`; everything else goes line by line.
        """
        events: list[ServerSentEvent | DataRun] = []
        pos, size = 0, len(text)
        while pos < size:
            if not self._has_fields:
                match = _PLAIN_EVENTS.match(text, pos)
                if match is not None:
                    events.append(self._plain_run(text[pos + 6 : match.end() - 2]))
                    pos = match.end()
                    continue
            # Line by line up to the next blank line followed by a data line (an event boundary).
            boundary = text.find("\n\ndata: ", pos)
            stop = size if boundary < 0 else boundary + 2
            events.extend(self._process(text[pos : stop - 1].split("\n")))
            pos = stop
        return events

    def _plain_run(self, text: str) -> DataRun:
        """The run in `text`: plain events minus the first `data: ` and the last blank line."""
        values = text.split(_RUN_SEPARATOR)
        first = self._lines_seen + 1
        self._lines_seen += 2 * len(values)
        return DataRun(text, values, first, self._last_id or None)

    def _decode_error(self, block: bytes, exc: UnicodeDecodeError) -> SSEDecodeError:
        # Line ends are ASCII, so the bad byte's line is the number of line ends before it.
        # bytes.splitlines breaks on exactly CR, LF and CRLF, like the event-stream grammar.
        before = block[: exc.start]
        index = len(before.splitlines())
        if before and before[-1] not in b"\r\n":
            index -= 1  # the bad byte continues a line that started before it
        line = block.splitlines()[index]
        return SSEDecodeError(self._lines_seen + index + 1, line, exc.reason)

    def _process(self, lines: list[str]) -> list[ServerSentEvent]:
        # The hot path: one iteration per line, state kept in locals and stored back at the end.
        events: list[ServerSentEvent] = []
        data = self._data
        event = self._event
        retry = self._retry
        last_id = self._last_id
        has_fields = self._has_fields
        first_data_line = self._first_data_line
        number = self._lines_seen
        for line in lines:
            number += 1
            if line.startswith("data: "):
                if not data:
                    first_data_line = number
                data.append(line[6:])
                has_fields = True
            elif not line:
                if has_fields:
                    events.append(
                        ServerSentEvent(
                            event or None,
                            data[0] if len(data) == 1 else "\n".join(data),
                            last_id or None,
                            retry,
                            first_data_line if data else 0,
                        )
                    )
                    data = []
                    event = retry = None
                    has_fields = False
            elif line[0] != ":":  # a `:` line is a comment
                field, colon, value = line.partition(":")
                if colon and value[:1] == " ":
                    value = value[1:]
                if field == "data":
                    if not data:
                        first_data_line = number
                    data.append(value)
                    has_fields = True
                elif field == "event":
                    event = value
                    has_fields = True
                elif field == "id":
                    if "\0" not in value:
                        last_id = value
                        has_fields = True
                elif field == "retry" and value.isascii() and value.isdigit():
                    retry = int(value)
                    has_fields = True
        self._data = data
        self._event = event
        self._retry = retry
        self._last_id = last_id
        self._has_fields = has_fields
        self._first_data_line = first_data_line
        self._lines_seen = number
        return events
