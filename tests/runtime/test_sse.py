"""The incremental SSE decoder (`_sse.py`): a table of byte sequences, errors, split invariance."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from things_sdk._sse import DataRun, ServerSentEvent, SSEDecodeError, SSEDecoder

Event = tuple[str | None, str, str | None, int | None]  # (event, data, id, retry)


def decode(chunks: list[bytes]) -> list[Event]:
    decoder = SSEDecoder()
    events: list[Any] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.flush())
    return [(e.event, e.data, e.id, e.retry) for e in events]


CASES: list[tuple[str, list[bytes], list[Event]]] = [
    ("lf", [b"data: a\n\ndata: b\n\n"], [(None, "a", None, None), (None, "b", None, None)]),
    (
        "crlf",
        [b"data: a\r\n\r\ndata: b\r\n\r\n"],
        [(None, "a", None, None), (None, "b", None, None)],
    ),
    ("cr", [b"data: a\r\rdata: b\r\r"], [(None, "a", None, None), (None, "b", None, None)]),
    # A CRLF split across chunks is one line end: "a" and "b" belong to the same event.
    (
        "crlf split across chunks",
        [b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"],
        [(None, "a\nb", None, None)],
    ),
    ("cr at chunk end then text", [b"data: a\r", b"data: b\r\r"], [(None, "a\nb", None, None)]),
    ("mixed line ends", [b"data: a\r\ndata: b\rdata: c\n\r\n"], [(None, "a\nb\nc", None, None)]),
    (
        "multi-line data",
        [b'data: {\ndata: "x": 1\ndata: }\n\n'],
        [(None, '{\n"x": 1\n}', None, None)],
    ),
    ("no space after colon", [b'data:{"a":1}\n\n'], [(None, '{"a":1}', None, None)]),
    ("only one space is stripped", [b"data:  x\n\n"], [(None, " x", None, None)]),
    ("colon inside value", [b"data: a: b\n\n"], [(None, "a: b", None, None)]),
    (
        "comments and keep-alive blank lines",
        [b": keep-alive\n\n\n:ping\ndata: a\n\n\n\n: bye\n\n"],
        [(None, "a", None, None)],
    ),
    ("blank lines only", [b"\n\n\r\n\r"], []),
    ("empty data line", [b"data:\n\n"], [(None, "", None, None)]),
    ("field name without colon", [b"data\n\n"], [(None, "", None, None)]),
    (
        "empty data lines are kept when joined",
        [b"data: a\ndata:\ndata: b\n\n"],
        [(None, "a\n\nb", None, None)],
    ),
    ("event without data", [b"event: ping\n\n"], [("ping", "", None, None)]),
    ("named event with data", [b"event: error\ndata: {}\n\n"], [("error", "{}", None, None)]),
    (
        "event name resets after dispatch",
        [b"event: x\ndata: 1\n\ndata: 2\n\n"],
        [("x", "1", None, None), (None, "2", None, None)],
    ),
    (
        "id persists, id with NUL ignored",
        [b"id: 1\ndata: a\n\nid: 2\x00x\ndata: b\n\ndata: c\n\n"],
        [(None, "a", "1", None), (None, "b", "1", None), (None, "c", "1", None)],
    ),
    (
        "empty id resets it",
        [b"id: 7\ndata: a\n\nid\ndata: b\n\n"],
        [(None, "a", "7", None), (None, "b", None, None)],
    ),
    (
        "retry: digits only",
        [
            "retry: 3000\ndata: a\n\nretry: soon\ndata: b\n\nretry: \uff13\ndata: c\n\nretry: -1\ndata: d\n\n".encode()
        ],
        [
            (None, "a", None, 3000),
            (None, "b", None, None),
            (None, "c", None, None),
            (None, "d", None, None),
        ],
    ),
    ("retry-only block", [b"retry: 10\n\n"], [(None, "", None, 10)]),
    ("garbage retry alone dispatches nothing", [b"retry: x\n\n"], []),
    (
        "unknown fields ignored, names are case-sensitive",
        [b"foo: bar\nDATA: x\ndata: a\n\n"],
        [(None, "a", None, None)],
    ),
    ("BOM at start dropped", [b"\xef\xbb\xbfdata: a\n\n"], [(None, "a", None, None)]),
    ("BOM later is data", ["data: \ufeffa\n\n".encode()], [(None, "\ufeffa", None, None)]),
    (
        "multibyte char split across chunks",
        [b"data: caf\xc3", b"\xa9 \xe2\x82", b"\xac\n\n"],
        [(None, "caf\u00e9 \u20ac", None, None)],
    ),
    (
        "unicode line separators are not line ends",
        ["data: a\u2028b\x85c\x0cd\n\n".encode()],
        [(None, "a\u2028b\x85c\x0cd", None, None)],
    ),
    (
        "no trailing blank line at EOF",
        [b"data: a\n\ndata: b\n"],
        [(None, "a", None, None), (None, "b", None, None)],
    ),
    (
        "unterminated last line at EOF",
        [b"data: a\n\ndata: b"],
        [(None, "a", None, None), (None, "b", None, None)],
    ),
    ("empty chunks", [b"", b"data: a\r", b"", b"\n\n", b""], [(None, "a", None, None)]),
    ("done sentinel is plain data", [b"data: [DONE]\n\n"], [(None, "[DONE]", None, None)]),
]


@pytest.mark.parametrize(("chunks", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
@pytest.mark.parametrize("split", ["as given", "whole", "byte by byte"])
def test_decoder_table(chunks: list[bytes], expected: list[Event], split: str) -> None:
    whole = b"".join(chunks)
    if split == "whole":
        chunks = [whole]
    elif split == "byte by byte":
        chunks = [whole[i : i + 1] for i in range(len(whole))]
    assert decode(chunks) == expected


def test_line_numbers_point_at_first_data_line() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(b": hi\n\ndata: a\n\nevent: x\r\ndata: b\r\ndata: c\r\n\r\n")
    assert [e.line for e in events] == [3, 6]
    events = decoder.feed(b"data: d\n\ndata: e\n\n: note\n\ndata: f\n\ndata: g\n")
    assert [e.line for e in events] == [9, 11, 15]
    (event,) = decoder.feed(b"\n")
    assert (event.data, event.line) == ("g", 17)


def test_server_sent_event_is_a_named_tuple() -> None:
    sse = ServerSentEvent
    assert sse() == (None, "", None, None, 0)
    assert sse("e", "d", "1", 5, 7) == sse(event="e", data="d", id="1", retry=5, line=7)
    assert sse(data="x")._replace(line=3).line == 3


@pytest.mark.parametrize(
    ("chunks", "line_number", "excerpt"),
    [
        ([b"data: ok\n\ndata: \xff bad\n\n"], 3, r"b'data: \xff bad'"),
        ([b"data: ok\n", b"\n", b"data: ok\r\ndata: x\xc3(\r\n\r\n"], 4, r"b'data: x\xc3('"),
        ([b"data: ok\n\ndata: \xe2\x82"], 3, r"b'data: \xe2\x82'"),  # truncated at EOF
        ([b"data: " + b"y" * 200 + b"\xff\n"], 1, "..."),
    ],
    ids=[
        "invalid start byte",
        "line counted across chunks",
        "truncated at EOF",
        "long line excerpt",
    ],
)
def test_invalid_utf8_names_the_line(chunks: list[bytes], line_number: int, excerpt: str) -> None:
    with pytest.raises(SSEDecodeError) as info:
        decode(chunks)
    assert info.value.line_number == line_number
    assert f"line {line_number}" in str(info.value)
    assert excerpt in str(info.value)
    assert isinstance(info.value, ValueError)


# -- split invariance ------------------------------------------------------------------------

_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=12
)
_event = st.tuples(
    st.one_of(
        st.none(), st.text(st.characters(whitelist_categories=("Ll",)), min_size=1, max_size=5)
    ),
    st.lists(_text, min_size=1, max_size=3),
    st.one_of(
        st.none(),
        st.text(
            st.characters(whitelist_categories=("Nd",), max_codepoint=127), min_size=1, max_size=3
        ),
    ),
    st.one_of(st.none(), st.integers(0, 10**6)),
)


@st.composite
def event_streams(draw: st.DrawFn) -> tuple[bytes, list[Event]]:
    """A serialised stream with random line ends, comments and keep-alives, and its events."""
    lines: list[str] = []
    expected: list[Event] = []
    last_id: str | None = None
    for name, data_lines, event_id, retry in draw(st.lists(_event, max_size=6)):
        if draw(st.booleans()):
            lines += [": keep-alive", ""]
        lines += [f"event: {name}"] if name else []
        lines += [f"data: {line}" for line in data_lines]
        lines += [f"id: {event_id}"] if event_id else []
        lines += [f"retry: {retry}"] if retry is not None else []
        lines.append("")
        last_id = event_id or last_id
        expected.append((name, "\n".join(data_lines), last_id, retry))
    out: list[str] = []
    previous_end = ""
    for line in lines:
        end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
        if not line and previous_end == "\r" and end == "\n":
            end = "\r\n"  # "\r" + "\n" would be a single CRLF, not an empty line
        out.append(line + end)
        previous_end = end
    return "".join(out).encode(), expected


@settings(max_examples=300, deadline=None)
@given(stream=event_streams(), data=st.data())
def test_any_split_decodes_to_the_same_events(
    stream: tuple[bytes, list[Event]], data: st.DataObject
) -> None:
    raw, expected = stream
    cuts = sorted(data.draw(st.lists(st.integers(0, len(raw)), max_size=12)))
    chunks = [raw[a:b] for a, b in zip([0, *cuts], [*cuts, len(raw)], strict=False)]
    assert decode([raw]) == expected
    assert decode(chunks) == expected


def test_decoder_handles_large_events_in_small_chunks() -> None:
    payload = "x" * 1_000_000
    raw = f"data: {payload}\n\n".encode()
    chunks = [raw[i : i + 1000] for i in range(0, len(raw), 1000)]
    assert decode(chunks) == [(None, payload, None, None)]


def test_feed_runs_returns_plain_events_as_runs() -> None:
    decoder = SSEDecoder()
    id_only, run, event, last = decoder.feed_runs(
        b"id: 7\n\ndata: a\n\ndata: b\n\nevent: x\ndata: c\n\ndata: d\n\n"
    )
    sse = ServerSentEvent
    assert id_only == sse(None, "", "7", None, 0)
    assert isinstance(run, DataRun) and isinstance(last, DataRun)
    assert (run.text, run.values, run.first_line, run.last_id) == (
        "a\n\ndata: b",
        ["a", "b"],
        3,
        "7",
    )
    assert run.events() == [sse(None, "a", "7", None, 3), sse(None, "b", "7", None, 5)]
    assert event == sse("x", "c", "7", None, 8)
    assert (last.values, last.first_line) == (["d"], 10)
