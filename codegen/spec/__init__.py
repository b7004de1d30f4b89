"""Stage 1, spec: read an OpenAPI 3.0/3.1 document into one checked, self-contained `Spec`.

    read.py       YAML/JSON file -> data (errors with line and column)
    cache.py      parsed files cached by content hash (on request: `cache.use(directory)`)
    pointer.py    JSON pointers: escape, split, join, look up (the only escaping rule)
    refs.py       the `$ref` resolver (chains, loops, dangling references)
    structure.py  the OpenAPI object model as data, and structural checks
    bundle.py     external files' nodes copied in, every `$ref` made local; problems collected
    tolerate.py   problems where no operation reaches: warnings, those parts skipped
    document.py   `Spec`: the bundled document, and where each node came from
    validate.py   full validation against the OpenAPI schema (slow; on request)
    rules.py      the rules an API team holds its spec to (`codegen validate`, config `validate:`)
    load.py       `load_spec`: all of the above, in order

Every problem is a `SpecError` (or a `Diagnostic` value) naming the file and JSON pointer.
"""

from .document import Spec
from .load import load_spec
from .pointer import escape_token, join_pointer, split_pointer, unescape_token
from .read import display_path, read_document
from .refs import resolve
from .structure import HTTP_METHODS
from .validate import validate_spec

__all__ = [
    "HTTP_METHODS",
    "Spec",
    "display_path",
    "escape_token",
    "join_pointer",
    "load_spec",
    "read_document",
    "resolve",
    "split_pointer",
    "unescape_token",
    "validate_spec",
]
