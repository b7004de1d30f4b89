"""`python -m crud_sdk`: the command line of the SDK, as the `crud-sdk` command.

See `crud_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
