"""A command as one value: its name, its help and examples, its options and its handler, side by side."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Command:
    """One `newsarchive NAME`: `help` is its line in `newsarchive --help`, `examples` end its own `--help`."""

    name: str
    help: str
    examples: tuple[str, ...]
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]

    def add_to(self, subparsers: Any) -> argparse.ArgumentParser:
        """Add this command's parser to `parser.add_subparsers()`: the help as a sentence, the options, the examples."""
        parser = subparsers.add_parser(
            self.name,
            help=self.help,
            description=self.help[0].upper() + self.help[1:] + ".",
            epilog="example:\n" + "\n".join(f"  {e}" for e in self.examples),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        self.add_arguments(parser)
        return parser
