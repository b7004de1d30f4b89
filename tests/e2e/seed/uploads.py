"""Seed "文件上传" (file uploads): a path, an open file, bytes through to_file, and a tuple."""

import os
import tempfile
from pathlib import Path
from typing import assert_type

from deepseek_sdk import DeepSeek, to_file
from deepseek_sdk.types import FileObject

client = DeepSeek(
    base_url=os.environ.get("DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
    api_key=os.environ.get("DEEPSEEK_API_KEY", "<your API key>"),
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.jsonl"
        path.write_bytes(b'{"prompt": "hi"}\n')
        # If you have a file on disk, pass an open binary file (streamed) or its path:
        with open(path, "rb") as file:
            created = client.files.create(file=file, purpose="fine-tune")
        assert_type(created, FileObject)
        print(created.filename)
        print(client.files.create(file=path, purpose="fine-tune").filename)
    # Or bytes, named with the to_file helper:
    print(
        client.files.create(
            file=to_file(b"my bytes", filename="input.jsonl"), purpose="fine-tune"
        ).filename
    )
    print(
        client.files.create(
            file=to_file(bytes([0, 1, 2]), filename="input.jsonl"), purpose="fine-tune"
        ).bytes
    )
    # Or a (filename, content, content type) tuple:
    print(
        client.files.create(
            file=("input.jsonl", b"my bytes", "application/jsonl"), purpose="fine-tune"
        ).id
    )


main()
