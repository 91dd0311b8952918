"""Entry point for `python -m newsarchive`."""

from newsarchive.cli import main

raise SystemExit(main())
