"""The corpus specs' security schemes as constructor arguments (issue 16's auth part)."""

from __future__ import annotations

import pytest
from _corpus import EVERY, Generated

EXPECTED = {
    # (argument, environment variable, required by the constructor)
    "petstore": [],  # no securitySchemes: no key
    "mistral": [("api_key", "MISTRAL_AI_API_KEY", True)],  # http bearer
    "twilio-messaging": [  # http basic on every operation
        ("username", "TWILIO_MESSAGING_USERNAME", True),
        ("password", "TWILIO_MESSAGING_PASSWORD", True),
    ],
    "stripe": [  # basic or bearer, either will do
        ("username", "STRIPE_USERNAME", False),
        ("password", "STRIPE_PASSWORD", False),
        ("api_key", "STRIPE_API_KEY", False),
    ],
    "digitalocean": [  # http bearer; the inference operations take a key of their own
        ("api_key", "DIGITALOCEAN_API_KEY", False),
        ("inference_bearer", "DIGITALOCEAN_INFERENCE_BEARER", False),
    ],
}


@pytest.mark.parametrize("corpus_spec", EVERY, indirect=True)
def test_constructor_credentials(generated: Generated) -> None:
    auth = generated.outcome.api.client.auth
    found = [(c.name, c.env, c.name in auth.eager) for c in auth.credentials]
    assert found == EXPECTED[generated.spec.name]
