"""The real-world specs of `../shared/specs/corpus/` (see its README): where each one is and
what part of it this generator cannot express yet.

Each folder holds one spec: the only top-level `*.yaml`/`*.json` file, or the relative path on
the first line of its `ENTRY` file. The specs stay outside the repository; the tests skip with
the reason when the folder is absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from codegen.cli import Outcome

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "specs" / "corpus"


@dataclass(frozen=True)
class CorpusSpec:
    name: str
    package: str
    client: str
    pending: frozenset[str] = frozenset()
    """Request body media types the generator cannot send yet: operations with only these are
    named as skipped (generation exits 2 without `--allow-skip`); every other one is a method.
    Empty for every corpus spec since issue 16 (forms, binary and text bodies)."""
    big: bool = False
    """Importing every module and the second generation run are `slow` (`make corpus`)."""

    @property
    def folder(self) -> Path:
        return CORPUS / self.name

    @property
    def path(self) -> Path:
        entry = self.folder / "ENTRY"
        if entry.is_file():
            return self.folder / entry.read_text().splitlines()[0].strip()
        [found] = [
            p for p in sorted(self.folder.iterdir()) if p.suffix in (".yaml", ".yml", ".json")
        ]
        return found


SPECS = (
    CorpusSpec("petstore", "swagger_petstore_sdk", "SwaggerPetstore"),
    CorpusSpec("mistral", "mistral_ai_sdk", "MistralAI"),
    # Create/update operations send URL-encoded forms.
    CorpusSpec("twilio-messaging", "twilio_messaging_sdk", "TwilioMessaging"),
    # Every POST is a form with `deepObject` fields (`metadata[key]=v`, `expand[]=a`).
    CorpusSpec("stripe", "stripe_sdk", "Stripe", big=True),
    # PUT /<upload_url>: raw bytes to a presigned URL (the spec's server is just "https://").
    CorpusSpec("digitalocean", "digitalocean_sdk", "DigitalOcean", big=True),
)


@dataclass(frozen=True)
class Generated:
    """A corpus spec's SDK: where it is and what generation reported."""

    spec: CorpusSpec
    out: Path
    outcome: Outcome


EVERY = [pytest.param(spec, id=spec.name) for spec in SPECS]
"""Every corpus spec (`make test` generates each of them)."""
LIGHT = [
    pytest.param(spec, id=spec.name, marks=[pytest.mark.slow] if spec.big else []) for spec in SPECS
]
"""Every corpus spec, the big ones (Stripe, DigitalOcean) only in slow runs (`make corpus`)."""
