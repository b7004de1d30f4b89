"""`python -m uploads_sdk`: the command line of the SDK, as the `uploads-sdk` command.

See `uploads_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
