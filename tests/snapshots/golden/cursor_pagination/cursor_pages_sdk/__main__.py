"""`python -m cursor_pages_sdk`: the command line of the SDK, as the `cursor-pages-sdk` command.

See `cursor_pages_sdk.cli` and the README's "Command line" section.
"""

from .cli import main

if __name__ == "__main__":
    main()
