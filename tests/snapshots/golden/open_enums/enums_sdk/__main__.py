"""`python -m enums_sdk`: the command line of the SDK, as the `enums-sdk` command.

See `enums_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
