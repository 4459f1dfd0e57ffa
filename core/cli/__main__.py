"""``python -m core.cli``: the ``ion`` command."""

from core.cli import main

if __name__ == "__main__":  # not when a test imports every module of core
    raise SystemExit(main())
