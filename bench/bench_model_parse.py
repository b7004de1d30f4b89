"""Parsing responses into the generated models: one generated package against another.

Times `Model.model_validate_json(body)` (what a non-streamed call does with a 2xx body) for
DeepSeek-shaped responses in which every optional field is present: a chat completion with
tool calls, logprobs and usage, a page of 100 fine-tuning jobs, a page of 100 files, and a
stream chunk. `--baseline` names a second generated tree (a directory, or a git revision whose
`generated/` is extracted to a temporary folder), so a change to the models or the runtime can
be measured before and after in one run. Each contender runs in its own child process (the
packages share a name), the rounds are interleaved, and the table shows the best µs per parse
over all rounds (each round: best of 5 repeats; on a shared machine the minimum is the
steadiest figure), in the default mode and with `strict=True`.

    .venv/bin/python bench/bench_model_parse.py [--baseline git:HEAD~1 | DIR] [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_JOB = {
    "id": "ftjob-abc",
    "object": "fine_tuning.job",
    "created_at": 1700000000,
    "model": "deepseek-chat",
    "status": "running",
    "training_file": "file-1",
    "validation_file": "file-2",
    "fine_tuned_model": None,
    "finished_at": None,
    "estimated_finish": 1700003600,
    "error": {"code": "E1", "message": "none", "param": None},
    "hyperparameters": {"batch_size": "auto", "learning_rate_multiplier": 1.5, "n_epochs": 3},
    "organization_id": "org-1",
    "result_files": ["file-3", "file-4"],
    "trained_tokens": 12345,
    "seed": 42,
}
_FILE = {
    "id": "file-abc",
    "object": "file",
    "bytes": 1024,
    "created_at": 1700000000,
    "expires_at": None,
    "filename": "train.jsonl",
    "purpose": "fine-tune",
    "status": "processed",
    "status_details": None,
}
_TOKEN = {"token": "Hi", "logprob": -0.1, "bytes": [72, 105], "top_logprobs": []}
_TOKEN["top_logprobs"] = [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105]}] * 3
_COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "deepseek-chat",
    "system_fingerprint": "fp_1",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "Hello! " * 20,
                "reasoning_content": "Thinking. " * 20,
                "tool_calls": [
                    {
                        "id": f"call_{i}",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                    }
                    for i in range(3)
                ],
            },
            "logprobs": {"content": [_TOKEN] * 20, "reasoning_content": None},
            "finish_reason": "tool_calls",
        }
    ],
    "usage": {
        "prompt_tokens": 10,
        "completion_tokens": 20,
        "total_tokens": 30,
        "prompt_cache_hit_tokens": 0,
        "prompt_cache_miss_tokens": 10,
        "prompt_tokens_details": {"cached_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 5},
    },
}
_CHUNK = {
    "id": "chatcmpl-1",
    "object": "chat.completion.chunk",
    "created": 1700000000,
    "model": "deepseek-chat",
    "system_fingerprint": "fp_1",
    "choices": [
        {"index": 0, "delta": {"role": "assistant", "content": "Hi"}, "finish_reason": None}
    ],
}
CASES = {
    "ChatCompletion": ("deepseek_sdk.types.chat_completion", "ChatCompletion", _COMPLETION),
    "FineTuningJobList (100)": (
        "deepseek_sdk.types.fine_tuning_job_list",
        "FineTuningJobList",
        {"object": "list", "data": [_JOB] * 100, "has_more": False},
    ),
    "FileList (100)": (
        "deepseek_sdk.types.file_list",
        "FileList",
        {"object": "list", "data": [_FILE] * 100, "has_more": False},
    ),
    "ChatCompletionChunk": (
        "deepseek_sdk.types.chat_completion_chunk",
        "ChatCompletionChunk",
        _CHUNK,
    ),
}

_CHILD = r"""
import importlib, json, sys, time
cases = json.loads(sys.argv[1])
out = {}
for label, (module, name, body) in cases.items():
    model = getattr(importlib.import_module(module), name)
    data = json.dumps(body).encode()
    for strict in (False, True):
        model.model_validate_json(data, strict=strict or None)  # build the validator
        number = max(1, int(20000 / max(1, len(data) // 200)))
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(number):
                model.model_validate_json(data, strict=strict or None)
            best = min(best, (time.perf_counter() - start) / number)
        out[f"{label}|{'strict' if strict else 'default'}"] = best * 1e6
print(json.dumps(out))
"""


def _tree(spec: str, keep: list[tempfile.TemporaryDirectory[str]]) -> Path:
    """A generated tree: `git:REV` (its `generated/` extracted) or a directory."""
    if not spec.startswith("git:"):
        return Path(spec).resolve()
    archive = subprocess.run(
        ["git", "archive", spec[4:], "generated"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    folder = tempfile.TemporaryDirectory(prefix="bench-models-")
    keep.append(folder)
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder.name, filter="data")
    return Path(folder.name) / "generated"


def _run(tree: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(CASES)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(proc.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git:REV or a directory holding a generated tree")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    keep: list[tempfile.TemporaryDirectory[str]] = []
    contenders = {"this tree": ROOT / "generated"}
    if args.baseline:
        contenders = {f"baseline ({args.baseline})": _tree(args.baseline, keep), **contenders}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, tree in contenders.items():
            runs[name].append(_run(tree))
    keys = list(next(iter(runs.values()))[0])
    medians = {name: {k: min(r[k] for r in rounds) for k in keys} for name, rounds in runs.items()}
    names = list(contenders)
    header = "| response | mode | " + " | ".join(f"{n} µs" for n in names)
    if len(names) == 2:
        header += " | ratio |"
    print(header)
    print("|---|---|" + "---:|" * (len(names) + (len(names) == 2)))
    for key in keys:
        label, mode = key.split("|")
        cells = [f"{medians[n][key]:.1f}" for n in names]
        row = f"| {label} | {mode} | " + " | ".join(cells)
        if len(names) == 2:
            row += f" | {medians[names[1]][key] / medians[names[0]][key]:.2f}× |"
        print(row)


if __name__ == "__main__":
    main()
