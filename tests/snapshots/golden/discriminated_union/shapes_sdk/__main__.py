"""`python -m shapes_sdk`: the command line of the SDK, as the `shapes-sdk` command.

See `shapes_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
