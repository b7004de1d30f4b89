"""File uploads: the forms `client.files.create(file=...)` accepts.

`file` may be a `pathlib.Path` (streamed from disk), an open binary file, `bytes`, a
`(filename, content, content_type)` tuple, or what `to_file(...)` (`await async_to_file(...)` on
the async client) returns. The request is sent as multipart/form-data.

    DEEPSEEK_API_KEY=sk-... python examples/upload.py [input.jsonl]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from deepseek_sdk import AsyncDeepSeek, DeepSeek, async_to_file, to_file

SAMPLE = b'{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}\n'


def main(path: Path) -> None:
    client = DeepSeek()
    # A path: the file is read from disk while the request is sent.
    uploaded = client.files.create(file=path, purpose="fine-tune")
    print("path:", uploaded.id, uploaded.filename, uploaded.bytes, "bytes")
    # An open binary file.
    with path.open("rb") as handle:
        uploaded = client.files.create(file=handle, purpose="fine-tune")
    print("open file:", uploaded.id)
    # Bytes with a file name and a content type.
    uploaded = client.files.create(
        file=("input.jsonl", path.read_bytes(), "application/jsonl"), purpose="fine-tune"
    )
    print("tuple:", uploaded.id)
    # The `to_file` helper, e.g. for bytes you already have.
    uploaded = client.files.create(file=to_file(b"my bytes", "input.jsonl"), purpose="fine-tune")
    print("to_file:", uploaded.id)
    uploaded = client.files.create(
        file=to_file(bytes([0, 1, 2]), "input.jsonl"), purpose="fine-tune"
    )
    print("to_file (binary):", uploaded.id)


async def main_async(path: Path) -> None:
    async with AsyncDeepSeek() as client:
        upload = await async_to_file(path.read_bytes(), "input.jsonl")
        uploaded = await client.files.create(file=upload, purpose="fine-tune")
        print("async:", uploaded.id)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 1:
            source = Path(sys.argv[1])
        else:
            source = Path(tmp) / "input.jsonl"
            source.write_bytes(SAMPLE)
        main(source)
        asyncio.run(main_async(source))
