"""`python -m streaming_sdk`: the command line of the SDK, as the `streaming-sdk` command.

See `streaming_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
