"""`python -m trees_sdk`: the command line of the SDK, as the `trees-sdk` command.

See `trees_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
