"""`python -m cursorpages_sdk`: the command line of the SDK, as the `cursorpages-sdk` command.

See `cursorpages_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
