"""`python -m strict_sdk`: the command line of the SDK, as the `strict-sdk` command.

See `strict_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
