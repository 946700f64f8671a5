"""``python -m letters``: the same command as ``letters``."""

from letters.cli import main

if __name__ == "__main__":
    main()
