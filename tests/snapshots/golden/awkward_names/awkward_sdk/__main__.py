"""`python -m awkward_sdk`: the command line of the SDK, as the `awkward-sdk` command.

See `awkward_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
