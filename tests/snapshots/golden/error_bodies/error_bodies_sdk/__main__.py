"""`python -m error_bodies_sdk`: the command line of the SDK, as the `error-bodies-sdk` command.

See `error_bodies_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
