"""Writing text into generated files safely: Python string literals and docstrings, TOML
strings, one-line Markdown, and the Python identifier rule.

Every piece of text from the spec reaches a generated file through one of these (templates use
them as filters); nothing here decides a name.
"""

from __future__ import annotations

import functools
import keyword
import re
import textwrap

__all__ = [
    "AMBIGUOUS",
    "doc_line",
    "docstring",
    "is_identifier",
    "one_line",
    "py_str",
    "quote_annotation",
    "toml_str",
]

# pycodestyle's ambiguous names (`l`, `I`, `O`: ruff's E741), which generated code avoids.
AMBIGUOUS = frozenset({"l", "I", "O"})


def is_identifier(name: str) -> bool:
    """True for an ASCII Python identifier that is not a keyword (nor `l`, `I`, `O`)."""
    return (
        name.isascii()
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and name not in AMBIGUOUS
    )


# Characters that are invisible or reorder text on screen (C1 controls, zero-width and bidi
# controls; "Trojan Source"): printed as escapes, so generated code reads as it runs.
_INVISIBLE = r"\x80-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_UNSAFE_CHARS = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f{_INVISIBLE}\u2028\u2029\ud800-\udfff]")
_DOC_ESCAPED = re.compile(f"[{_INVISIBLE}]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")  # but \t \n \r and NEL


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def py_str(value: str) -> str:
    """A double-quoted Python string literal for `value` (safe for any input)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return '"' + _UNSAFE_CHARS.sub(_escape_char, escaped) + '"'


def toml_str(value: str) -> str:
    """A TOML basic string for `value`: controls and invisible characters escaped, lone
    surrogates (which TOML cannot hold) replaced by U+FFFD."""
    out = []
    for char in value:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            out.append("\\ufffd")
        elif char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F or _UNSAFE_CHARS.fullmatch(char):
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def one_line(text: str) -> str:
    """`text` with every run of whitespace (newlines included) collapsed to one space, so
    plain text printed into Markdown cannot start a heading or a code block; other control
    characters are dropped, lone surrogates (not text, not writable as UTF-8) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", " ".join(_CONTROL.sub("", text).split()))


def doc_line(text: str) -> str:
    """Plain text for use inside a one-line docstring: `one_line`, then escaped like
    `docstring`."""
    return docstring(one_line(text), width=1_000_000) or ""


def quote_annotation(annotation: str) -> str:
    """Quote a whole annotation (a forward reference) as a string literal."""
    if '"' in annotation and "'" not in annotation and "\\" not in annotation:
        return "'" + annotation + "'"
    return py_str(annotation)


_DOC_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ud800-\udfff]")


_BLOCK_START = re.compile(r"(?:[-*+]|\d+\.)\s|#|\||>")


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Split Markdown lines into paragraphs (blank-line separated) and fenced code blocks."""
    out: list[list[str]] = [[]]
    in_fence = False
    for line in lines:
        if line.lstrip().startswith("```"):
            if not in_fence:
                out.append([])
            in_fence = not in_fence
            out[-1].append(line)
            if not in_fence:
                out.append([])
            continue
        if not in_fence and not line.strip():
            out.append([line])
            out.append([])
            continue
        out[-1].append(line)
    return [block for block in out if block]


def _wrap(block: list[str], width: int) -> list[str]:
    if block[0].lstrip().startswith("```") or all(len(line) <= width for line in block):
        return block
    # Reflow: a line that does not start a list item, heading, table row or quote continues
    # the previous one (that is how Markdown reads it), then wrap each logical line.
    logical: list[str] = []
    for line in block:
        stripped = line.lstrip()
        if (
            logical
            and not _BLOCK_START.match(stripped)
            and not logical[-1].lstrip().startswith(("|", "#"))
        ):
            logical[-1] += " " + stripped
        else:
            logical.append(line)
    out: list[str] = []
    for line in logical:
        if len(line) <= width or line.lstrip().startswith("|"):
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip())
        bullet = re.match(r"\s*(?:[-*+]|\d+\.)\s+", line)
        out.extend(
            textwrap.wrap(
                line,
                width=width,
                subsequent_indent=" " * (bullet.end() if bullet else indent),
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return out


@functools.lru_cache(maxsize=65536)  # models and TypedDicts repeat their schema's texts
def docstring(text: str | None, *, width: int = 88) -> str | None:
    """Clean `text` for use inside a triple-quoted docstring, wrapped to `width` columns.

    Backslashes and quotes are escaped so nothing can end the docstring early; control
    characters are dropped; trailing whitespace and blank edges are stripped. A paragraph with
    a line longer than `width` is reflowed (list items, tables and code blocks keep their
    shape). Returns None for empty text.
    """
    if text is None:
        return None
    for line_break in ("\r\n", "\r", "\u2028", "\u2029"):
        text = text.replace(line_break, "\n")
    text = _DOC_UNSAFE.sub("", text.expandtabs(4))
    lines: list[str] = []
    for block in _paragraphs([raw.rstrip() for raw in text.split("\n")]):
        lines.extend(_wrap(block, width))
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return None
    body = "\n".join(lines).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    body = _DOC_ESCAPED.sub(_escape_char, body)
    # A last quote that is not escaped yet would run into the closing `"""`.
    if body.endswith('"') and (len(body) - len(body[:-1].rstrip("\\"))) % 2:
        body = body[:-1] + '\\"'
    return body
