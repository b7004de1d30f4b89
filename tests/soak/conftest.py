"""The soak and hygiene tests import the generated SDK (`generated/` goes on sys.path)."""

import sys
from pathlib import Path

GENERATED = Path(__file__).resolve().parents[2] / "generated"
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))
