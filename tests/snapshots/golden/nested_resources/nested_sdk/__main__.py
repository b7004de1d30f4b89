"""`python -m nested_sdk`: the command line of the SDK, as the `nested-sdk` command.

See `nested_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
