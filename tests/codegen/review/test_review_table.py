"""The diff's classification, table-driven: one spec edit per row, every change it must report.

Each row edits a small pets API (`BASE` + `CONFIG`) the way an API team would, regenerates
the surface (load -> lower -> extract, as `codegen diff` does) and compares the *whole* set of
(level, kind, subject, element) facts with the row's: a change the row does not list is as
wrong as one it misses. The levels follow what happens to a user's code (import it, call it,
pass values, read values, annotate, match on enums); see codegen/review/findings.py.

The OpenAI rows compare ../shared/specs' 2026-07-23 and 2026-08-21 specs (skipped when absent)
and check how each change between them is classified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from codegen.review import SpecSource, build_surface, compare
from codegen.review.diff import Change
from codegen.review.report import summarize
from codegen.review.surface import Surface

SPECS = Path(__file__).resolve().parents[4] / "shared" / "specs"
OPENAI_OLD, OPENAI_NEW = SPECS / "openai-2026-07-23.yaml", SPECS / "openai-2026-08-21.yaml"

BASE = """\
openapi: 3.1.0
info: {title: Pets, version: "1"}
servers: [{url: "https://api.pets.test"}]
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: species, in: query, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/PetList"}}}}
    post:
      operationId: createPet
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/CreatePetRequest"}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
  /pets/{pet_id}:
    get:
      operationId: getPet
      parameters: [{name: pet_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
  /user/balance:
    get:
      operationId: getUserBalance
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Balance"}}}}
        "404": {description: no balance yet, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
  /chat:
    post:
      operationId: createChat
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [prompt]
              properties:
                prompt: {type: string}
                stream: {type: boolean}
      responses:
        "200":
          description: ok
          content:
            application/json: {schema: {$ref: "#/components/schemas/Chat"}}
            text/event-stream: {schema: {$ref: "#/components/schemas/ChatChunk"}}
components:
  schemas:
    Pet:
      type: object
      required: [id, name, status, kind, weight, height, nickname, species]
      properties:
        id: {type: string}
        name: {type: string, description: The pet's name.}
        age: {type: integer}
        weight: {type: integer}
        height: {type: number}
        nickname: {type: [string, "null"]}
        species: {type: string, enum: [canis]}
        status: {$ref: "#/components/schemas/PetStatus"}
        kind: {type: string, enum: [dog, cat]}
        tag: {type: [string, "null"]}
        owner: {$ref: "#/components/schemas/Owner"}
    PetStatus:
      anyOf:
        - {type: string, enum: [available, sold]}
        - {type: string}
    Owner:
      type: object
      required: [id]
      properties:
        id: {type: string}
    PetList:
      type: object
      required: [data]
      properties:
        data: {type: array, items: {$ref: "#/components/schemas/Pet"}}
    CreatePetRequest:
      type: object
      required: [name]
      properties:
        name: {type: string}
        kind: {type: string, enum: [dog, cat]}
        weight: {type: integer}
        nickname: {type: [string, "null"]}
        toy: {$ref: "#/components/schemas/Toy"}
    Toy:
      type: object
      required: [name]
      properties:
        name: {type: string}
        color: {type: string}
    Balance:
      type: object
      properties:
        amount: {type: string}
    Chat:
      type: object
      required: [text]
      properties:
        text: {type: string}
    Error:
      type: object
      required: [message]
      properties:
        message: {type: string}
    ChatChunk:
      type: object
      required: [delta]
      properties:
        delta: {type: string}
"""

CONFIG = """\
package: pets_sdk
distribution: pets-sdk
client: PetStore
env: {api_key: PETS_API_KEY}
base_url: https://api.pets.test
operations:
  GET /user/balance: {resource: user, method: balance}
"""

USAGE_PATH = """\
  /user/usage:
    get:
      operationId: getUserUsage
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Balance"}}}}
  /chat:
"""

ERROR_404 = """\
        "404": {description: no balance yet, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
"""
PET_CREATED = """\
      operationId: createPet
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/CreatePetRequest"}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
"""

Fact = tuple[str, str, str, str | None]


@dataclass(frozen=True)
class Edit:
    """One row: replacements in the spec and in the config, and the facts they must give."""

    name: str
    spec: tuple[tuple[str, str], ...] = ()
    config: tuple[tuple[str, str], ...] = ()
    expected: frozenset[Fact] = field(default_factory=frozenset)


def edit(name: str, *facts: Fact, spec: object = (), config: object = ()) -> Edit:
    pairs = tuple(spec) if isinstance(spec, list) else ((spec,) if spec else ())
    config_pairs = tuple(config) if isinstance(config, list) else ((config,) if config else ())
    return Edit(name, pairs, config_pairs, frozenset(facts))  # type: ignore[arg-type]


B, U, N = "breaking", "unknown", "non-breaking"
ROWS = [
    edit("nothing changes"),
    edit("a description changes", spec=("The pet's name.", "What the pet is called.")),
    # --- import paths ------------------------------------------------------------------
    edit(
        "GET /user/usage with an override giving client.user.usage()",
        (N, "method-added", "client.user.usage", None),
        spec=("  /chat:\n", USAGE_PATH),
        config=(
            "  GET /user/balance: {resource: user, method: balance}\n",
            "  GET /user/balance: {resource: user, method: balance}\n"
            "  GET /user/usage: {resource: user, method: usage}\n",
        ),
    ),
    edit(
        "GET /user/usage without an override: User moves out of pets_sdk.resources",
        (N, "resource-added", "client.user.usage", None),
        (N, "method-added", "client.user.usage.retrieve", None),
        *(
            (B, "import-moved", "pets_sdk.resources", name)
            for name in (
                "AsyncUser",
                "AsyncUserWithRawResponse",
                "AsyncUserWithStreamingResponse",
                "User",
                "UserWithRawResponse",
                "UserWithStreamingResponse",
            )
        ),
        spec=("  /chat:\n", USAGE_PATH),
    ),
    edit(
        "the client class is renamed",
        (B, "import-renamed", "pets_sdk", "PetStore"),
        (B, "import-renamed", "pets_sdk", "AsyncPetStore"),
        (B, "import-renamed", "pets_sdk", "PetStoreError"),
        config=("client: PetStore", "client: PetShop"),
    ),
    edit(
        "the package is renamed",
        (B, "package-renamed", "pets_sdk", None),
        (B, "setting-changed", "petstore settings", "env_base_url"),  # derived from the name
        (B, "setting-changed", "petstore settings", "env_log"),
        config=("package: pets_sdk", "package: petstore"),
    ),
    edit(
        "the pip distribution is renamed",
        (B, "setting-changed", "pets_sdk settings", "distribution"),
        config=("distribution: pets-sdk", "distribution: petstore-sdk"),
    ),
    edit(
        "the API key's environment variable is renamed",
        (B, "setting-changed", "pets_sdk settings", "env_api_key"),
        config=("api_key: PETS_API_KEY", "api_key: PETSTORE_API_KEY"),
    ),
    edit(
        "the default base URL changes",
        (U, "setting-changed", "pets_sdk settings", "base_url"),
        config=("base_url: https://api.pets.test", "base_url: https://eu.pets.test"),
    ),
    # --- methods and parameters ---------------------------------------------------------
    edit(
        "an endpoint is removed",
        (B, "method-removed", "client.pets.retrieve", None),
        spec=("    get:\n      operationId: getPet\n", "    x-get:\n      operationId: getPet\n"),
    ),
    edit(
        "the override now points the method at another endpoint",
        (U, "method-endpoint-changed", "client.user.balance", None),
        config=("GET /user/balance: {resource", "POST /user/balance: {resource"),
        spec=("  /user/balance:\n    get:", "  /user/balance:\n    post:"),
    ),
    edit(
        "a query parameter is renamed",
        (B, "param-renamed", "client.pets.list", "species"),
        spec=("{name: species, in: query", "{name: kind, in: query"),
    ),
    edit(
        "a body property is renamed",
        (B, "param-renamed", "client.pets.create", "weight"),
        spec=(
            "        weight: {type: integer}\n        nickname",
            "        mass: {type: integer}\n        nickname",
        ),
    ),
    edit(
        "a required body property is added",
        (B, "param-added", "client.pets.create", "breed"),
        spec=(
            "      required: [name]\n      properties:\n        name: {type: string}\n        kind",
            "      required: [name, breed]\n      properties:\n        name: {type: string}\n"
            "        breed: {type: string}\n        kind",
        ),
    ),
    edit(
        "an optional query parameter is added",
        (N, "param-added", "client.pets.list", "after"),
        spec=(
            "        - {name: limit, in: query, schema: {type: integer}}\n",
            "        - {name: limit, in: query, schema: {type: integer}}\n"
            "        - {name: after, in: query, schema: {type: string}}\n",
        ),
    ),
    edit(
        "an optional body property becomes required",
        (B, "param-made-required", "client.pets.create", "kind"),
        spec=(
            "      required: [name]\n      properties:\n        name: {type: string}\n        kind",
            "      required: [name, kind]\n      properties:\n        name: {type: string}\n        kind",
        ),
    ),
    edit(
        "a request field is widened (integer -> number)",
        (N, "param-type-changed", "client.pets.create", "weight"),
        spec=(
            "        weight: {type: integer}\n        nickname",
            "        weight: {type: number}\n        nickname",
        ),
    ),
    edit(
        "a request field is narrowed (number of values: string -> enum)",
        (B, "param-type-changed", "client.pets.create", "name"),
        spec=(
            "      properties:\n        name: {type: string}\n        kind",
            "      properties:\n        name: {type: string, enum: [rex, tom]}\n        kind",
        ),
    ),
    edit(
        "a request field's type changes (integer -> string)",
        (B, "param-type-changed", "client.pets.create", "weight"),
        spec=(
            "        weight: {type: integer}\n        nickname",
            "        weight: {type: string}\n        nickname",
        ),
    ),
    edit(
        "a request field may now be null",
        (N, "param-made-nullable", "client.pets.create", "weight"),
        spec=(
            "        weight: {type: integer}\n        nickname",
            "        weight: {type: [integer, 'null']}\n        nickname",
        ),
    ),
    edit(
        "a request field may no longer be null",
        (B, "param-made-non-nullable", "client.pets.create", "nickname"),
        spec=(
            'nickname: {type: [string, "null"]}\n        toy',
            "nickname: {type: string}\n        toy",
        ),
    ),
    edit(
        "an enum value is added to a request field",
        (N, "param-enum-values-added", "client.pets.create", "kind"),
        spec=(
            "        kind: {type: string, enum: [dog, cat]}\n        weight",
            "        kind: {type: string, enum: [dog, cat, bird]}\n        weight",
        ),
    ),
    edit(
        "an enum value is removed from a request field",
        (B, "param-enum-values-removed", "client.pets.create", "kind"),
        spec=(
            "        kind: {type: string, enum: [dog, cat]}\n        weight",
            "        kind: {type: string, enum: [dog]}\n        weight",
        ),
    ),
    edit(
        "a nested request object gains a required key",
        (B, "field-added", "ToyParam", "size"),
        spec=(
            "      required: [name]\n      properties:\n        name: {type: string}\n        color",
            "      required: [name, size]\n      properties:\n        name: {type: string}\n"
            "        size: {type: integer}\n        color",
        ),
    ),
    edit(
        "a nested request object's key is renamed",
        (B, "field-renamed", "ToyParam", "color"),
        spec=("        color: {type: string}\n", "        colour: {type: string}\n"),
    ),
    # --- responses -----------------------------------------------------------------------
    edit(
        "a response field changes from string to number",
        (B, "field-type-changed", "Balance", "amount"),
        spec=("        amount: {type: string}", "        amount: {type: number}"),
    ),
    edit(
        "a response field is widened (integer -> number)",
        (B, "field-type-changed", "Pet", "weight"),
        spec=(
            "        weight: {type: integer}\n        height",
            "        weight: {type: number}\n        height",
        ),
    ),
    edit(
        "a response field is narrowed (number -> integer)",
        (N, "field-type-changed", "Pet", "height"),
        spec=("height: {type: number}", "height: {type: integer}"),
    ),
    edit(
        "a response string gets an (open) enum: same values, now named",
        (N, "field-enum-values-added", "Pet", "id"),
        spec=(
            "        id: {type: string}\n        name: {type: string, desc",
            "        id: {type: string, enum: [p1, p2]}\n        name: {type: string, desc",
        ),
    ),
    edit(
        "a response field may now be null",
        (B, "field-made-nullable", "Pet", "weight"),
        spec=(
            "        weight: {type: integer}\n        height",
            "        weight: {type: [integer, 'null']}\n        height",
        ),
    ),
    edit(
        "a response field is never null any more",
        (N, "field-made-non-nullable", "Pet", "nickname"),
        spec=(
            '        nickname: {type: [string, "null"]}\n        species',
            "        nickname: {type: string}\n        species",
        ),
    ),
    edit(
        "a response field is renamed",
        (B, "field-renamed", "Pet", "age"),
        spec=("        age: {type: integer}", "        age_years: {type: integer}"),
    ),
    edit(
        "a response field is added",
        (N, "field-added", "Pet", "breed"),
        spec=(
            "        age: {type: integer}",
            "        age: {type: integer}\n        breed: {type: string}",
        ),
    ),
    edit(
        "a response field is removed",
        (B, "field-removed", "Pet", "owner"),
        (B, "import-moved", "pets_sdk.types.pets", "Owner"),  # no pets method reaches it now
        (N, "type-added", "OwnerParam", None),  # an unused schema gets both sides
        spec=('        owner: {$ref: "#/components/schemas/Owner"}\n', ""),
    ),
    edit(
        "an enum value is added to a closed (single-valued) response enum",
        (B, "field-type-changed", "Pet", "species"),
        spec=(
            "species: {type: string, enum: [canis]}",
            "species: {type: string, enum: [canis, felis]}",
        ),
    ),
    edit(
        "an enum value is added to an open response enum (flagged)",
        (N, "field-enum-values-added", "Pet", "kind"),
        spec=(
            "        kind: {type: string, enum: [dog, cat]}\n        tag",
            "        kind: {type: string, enum: [dog, cat, bird]}\n        tag",
        ),
    ),
    edit(
        "an enum value is added to an open response enum",
        (N, "alias-enum-values-added", "PetStatus", None),
        spec=("enum: [available, sold]", "enum: [available, sold, adopted]"),
    ),
    edit(
        "an enum value is removed from a response enum",
        (N, "field-type-changed", "Pet", "kind"),  # narrowed: `Literal['dog']` is closed
        spec=(
            "        kind: {type: string, enum: [dog, cat]}\n        tag",
            "        kind: {type: string, enum: [dog]}\n        tag",
        ),
    ),
    edit(
        "a component schema is renamed with the same shape",
        (B, "type-removed", "Owner", None),
        (N, "type-added", "Person", None),
        (B, "field-type-changed", "Pet", "owner"),
        spec=[
            (
                '        owner: {$ref: "#/components/schemas/Owner"}',
                '        owner: {$ref: "#/components/schemas/Person"}',
            ),
            ("    Owner:\n", "    Person:\n"),
        ],
    ),
    edit(
        "a list endpoint starts paginating",
        (B, "pagination-added", "client.pets.list", None),
        (N, "param-added", "client.pets.list", "after"),
        (N, "field-added", "PetList", "has_more"),
        spec=[
            (
                '        data: {type: array, items: {$ref: "#/components/schemas/Pet"}}',
                '        data: {type: array, items: {$ref: "#/components/schemas/Pet"}}\n'
                "        has_more: {type: boolean}",
            ),
            (
                "        - {name: limit, in: query, schema: {type: integer}}\n",
                "        - {name: limit, in: query, schema: {type: integer}}\n"
                "        - {name: after, in: query, schema: {type: string}}\n",
            ),
        ],
    ),
    edit(
        "an endpoint stops streaming",
        (B, "streaming-removed", "client.chat.create", None),
        (B, "param-removed", "client.chat.create", "stream"),
        (B, "import-moved", "pets_sdk.types.chat", "ChatChunk"),
        (N, "type-added", "ChatChunkParam", None),
        # The params TypedDict loses its streaming/non-streaming split (a dict with
        # "stream": True no longer fits it) and the variants' names go.
        (B, "import-changed", "pets_sdk.types", "ChatCreateParams"),
        (B, "import-changed", "pets_sdk.types.chat_create_params", "ChatCreateParams"),
        (B, "type-removed", "ChatCreateParamsBase", None),
        (B, "type-removed", "ChatCreateParamsNonStreaming", None),
        (B, "type-removed", "ChatCreateParamsStreaming", None),
        spec=[
            ("                stream: {type: boolean}\n", ""),
            (
                '            text/event-stream: {schema: {$ref: "#/components/schemas/ChatChunk"}}\n',
                "",
            ),
        ],
    ),
    # --- error bodies (`APIStatusError.body` by status) -------------------------------------
    edit(
        "an error body is no longer declared",
        (B, "error-body-removed", "client.user.balance", "404"),
        (B, "import-moved", "pets_sdk.types.user", "Error"),  # no user method reaches it now
        (N, "type-added", "ErrorParam", None),  # an unused schema gets both sides
        spec=(ERROR_404, ""),
    ),
    edit(
        "an error body's schema changes",
        (B, "error-body-type-changed", "client.user.balance", "404"),
        (B, "import-moved", "pets_sdk.types.user", "Error"),  # no user method reaches it now
        (N, "type-added", "ErrorParam", None),  # an unused schema gets both sides
        spec=(ERROR_404, ERROR_404.replace("/Error", "/Owner")),
    ),
    edit(
        "an error body is declared for an operation without one",
        (N, "error-body-added", "client.pets.create", "default"),
        spec=(PET_CREATED, PET_CREATED + ERROR_404.replace('"404"', "default")),
    ),
    edit(
        "an exact status's error body is declared for its range instead",
        (N, "error-body-added", "client.user.balance", "4XX"),  # 404 itself keeps its type
        spec=(ERROR_404, ERROR_404.replace('"404"', '"4XX"')),
    ),
    edit(
        "the error body's model gains a field: reported on the model",
        (N, "field-added", "Error", "code"),
        spec=(
            "        message: {type: string}\n",
            "        message: {type: string}\n        code: {type: string}\n",
        ),
    ),
]


def _write(tmp: Path, name: str, text: str, pairs: tuple[tuple[str, str], ...]) -> Path:
    for old, new in pairs:
        assert old in text, f"{name}: {old!r} is not in the text"
        text = text.replace(old, new)
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def _surface(tmp: Path, row: Edit | None) -> Surface:
    spec = _write(tmp, "openapi.yaml", BASE, row.spec if row else ())
    config = _write(tmp, "sdk.yaml", CONFIG, row.config if row else ())
    return build_surface(SpecSource(spec, config, "spec"))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Surface:
    return _surface(tmp_path_factory.mktemp("base"), None)


def _facts(changes: list[Change]) -> set[Fact]:
    return {(c.level, c.kind, c.subject, c.element) for c in changes}


def test_the_table_has_thirty_edits() -> None:
    assert len(ROWS) >= 30 and len({row.name for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_each_spec_edit_is_classified(base: Surface, tmp_path: Path, row: Edit) -> None:
    changes = compare(base, _surface(tmp_path, row))
    assert _facts(changes) == set(row.expected)
    assert all(c.reason for c in changes)
    assert not [c for c in changes if c.level == "unknown" and "cannot" not in c.reason]


def test_open_response_enum_additions_are_flagged(base: Surface, tmp_path: Path) -> None:
    row = next(r for r in ROWS if r.name.endswith("open response enum (flagged)"))
    (change,) = compare(base, _surface(tmp_path, row))
    assert change.flagged and change.level == "non-breaking"
    assert "exhaustive" not in change.reason and "open" in change.reason


# ------------------------------------------------------------------------- OpenAI's changes

OPENAI_ROWS = [
    # (level, kind, subject, element): the changes between 2026-07-23 and 2026-08-21
    (N, "resource-added", "client.content_provenance_checks", None),
    (N, "method-added", "client.content_provenance_checks.create", None),
    (B, "param-renamed", "client.organization.projects.create", "geography"),  # -> residency
    (B, "param-removed", "client.organization.projects.update", "geography"),
    (N, "param-added", "client.audio.transcriptions.create", "keywords"),
    (N, "param-enum-values-added", "client.images.generations.create", "model"),
    (N, "param-type-changed", "client.responses.create_response", "service_tier"),  # wider
    (N, "field-added", "Model", "shutdown_date"),
    (B, "field-type-changed", "MCPToolCall", "error"),  # str -> an object, read
    (B, "field-type-changed", "MCPToolCallParam", "error"),  # str -> an object, written
    (B, "field-type-changed", "Response", "conversation"),  # another model
    (N, "field-type-changed", "BetaResponse", "service_tier"),  # renamed alias, same values
    (N, "field-type-changed", "BetaResponseParam", "conversation"),  # TypedDict, same keys
    (B, "field-made-nullable", "FunctionToolCallOutput", "call_id"),
    (B, "field-removed", "ModelResponseProperties", "service_tier"),
    (N, "field-enum-values-added", "AudioTranscriptionResponse", "model"),  # open: flagged
    (B, "type-removed", "BetaServiceTier", None),
    (B, "type-removed", "Conversation2", None),
    (B, "import-moved", "openai_sdk.types.responses", "ServiceTier"),
]


@pytest.fixture(scope="module")
def openai_changes() -> list[Change]:
    if not OPENAI_NEW.exists():
        pytest.skip("../shared/specs is absent")
    before = build_surface(SpecSource(OPENAI_OLD, None, "old"))
    after = build_surface(SpecSource(OPENAI_NEW, None, "new"))
    return compare(before, after)


@pytest.mark.openai_spec
@pytest.mark.parametrize("fact", OPENAI_ROWS, ids=[f"{f[2]}:{f[3] or f[1]}" for f in OPENAI_ROWS])
def test_openai_changes_are_classified(openai_changes: list[Change], fact: Fact) -> None:
    level, kind, subject, element = fact
    found = [
        c for c in openai_changes if (c.kind, c.subject, c.element) == (kind, subject, element)
    ]
    assert [c.level for c in found] == [level]


@pytest.mark.openai_spec
def test_openai_report_decides_everything(openai_changes: list[Change]) -> None:
    assert [c for c in openai_changes if c.level == "unknown"] == []
    assert summarize(openai_changes).bump == "major"
    flagged = {c.subject for c in openai_changes if c.flagged}
    assert "AudioTranscriptionResponse" in flagged
    renamed = next(c for c in openai_changes if c.kind == "param-renamed")
    assert renamed.new is not None and renamed.new.startswith("residency: ")
