"""Shell completion without extra dependencies: `<command> completion bash|zsh` prints a small
script that asks the command itself for candidates (`<command> completion --complete WORD...`),
so it knows every operation, option and choice of this version of the SDK.

    eval "$(<command> completion bash)"      # in ~/.bashrc
    eval "$(<command> completion zsh)"       # in ~/.zshrc (after compinit)
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Sequence

from .._frontend.table import Operation, Table

__all__ = ["candidates", "run_completion", "script"]

_BASH = """\
_{fn}_complete() {{
    local IFS=$'\\n'
    COMPREPLY=($({command} completion --complete "${{COMP_WORDS[@]:1:COMP_CWORD}}" 2>/dev/null))
}}
complete -o default -F _{fn}_complete {command}
"""

_ZSH = """\
#compdef {command}
_{fn}_complete() {{
    local -a found
    found=("${{(@f)$({command} completion --complete "${{(@)words[2,CURRENT]}}" 2>/dev/null)}}")
    if (( ${{#found}} )) && [[ -n "${{found[1]}}" ]]; then
        compadd -Q -S '' -- "${{found[@]}}"
    else
        _files
    fi
}}
compdef _{fn}_complete {command}
"""

_GENERAL = ["--stream", "--raw", "--all", "--output", "--timeout", "--max-retries", "--help"]


def script(shell: str, command: str) -> str:
    """The completion script for `shell` (`bash` or `zsh`)."""
    fn = re.sub(r"[^A-Za-z0-9_]", "_", command)
    template = _BASH if shell == "bash" else _ZSH
    return template.format(command=command, fn=fn)


def _files(word: str) -> list[str]:
    prefix = word[1:]
    return ["@" + path + ("/" if os.path.isdir(path) else "") for path in glob.glob(prefix + "*")]


def _option_flags(table: Table, op: Operation) -> list[str]:
    flags = [p.flag for p in op.params if p.flag and not p.stream_flag]
    flags += [flag for option in op.options for flag in option["flags"] if flag.startswith("--")]
    general = [f for f in _GENERAL if f != "--all" or op.paginated]
    general = [f for f in general if f != "--stream" or op.streams]
    return flags + general + [o.flag for o in table.client_options]


def candidates(table: Table, words: Sequence[str], has_mcp: bool) -> list[str]:
    """Completions of the last of `words` (the words after the command name)."""
    if not words:
        return []
    *before, word = words
    if not before:
        found = ["api", "completion", *(["mcp"] if has_mcp else []), "--help", "--version"]
    elif before[0] == "completion":
        found = ["bash", "zsh"] if len(before) == 1 else []
    elif before[0] != "api":
        found = []
    elif len(before) == 1:
        found = [op.command for op in table.operations]
    else:
        op = table.operation(before[1])
        if op is None:
            return []
        previous = before[-1] if len(before) > 2 else ""
        param = next((p for p in op.params if p.flag and p.flag == previous), None)
        if param is not None:
            if word.startswith("@"):
                return _files(word)
            values = param.choices if param.choices is not None else param.suggestions
            found = [str(v) for v in values]
        elif word.startswith("-"):
            found = _option_flags(table, op)
        else:
            found = []
    return sorted(c for c in found if c.startswith(word))


def run_completion(argv: Sequence[str], table: Table, command: str) -> int:
    """`completion bash|zsh` prints the script; `completion --complete WORD...` candidates."""
    args = list(argv)
    if args and args[0] == "--complete":
        for candidate in candidates(table, args[1:], table.server_name is not None):
            sys.stdout.write(candidate + "\n")
        return 0
    usage = f"usage: {command} completion {{bash,zsh}}"
    if len(args) != 1 or args[0] not in ("bash", "zsh"):
        if args and args[0] in ("-h", "--help"):
            # The help is this module's docstring, which `python -OO` strips: then the usage.
            print((__doc__ or usage).strip().replace("<command>", command))
            return 0
        sys.stderr.write(usage + "\n")
        return 2
    sys.stdout.write(script(args[0], command))
    return 0
