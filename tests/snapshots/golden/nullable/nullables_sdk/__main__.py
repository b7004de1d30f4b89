"""`python -m nullables_sdk`: the command line of the SDK, as the `nullables-sdk` command.

See `nullables_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
