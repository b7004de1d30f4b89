"""`python -m <package>.cli`: the command line (same as `python -m <package>`)."""

from . import main

if __name__ == "__main__":
    main()
