"""Making a file or folder really unwritable for the test process, root included (root ignores permissions)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=30)


@contextmanager
def unwritable(path: Path) -> Iterator[Path]:
    """`path` as this process cannot write it: where it is, without write permission, for a normal user; as
    root, a read-only bind mount of it beside it (the kernel refuses writes there even to root). Skips the
    test, saying why, only when running as root where mounts are not allowed."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield path
        finally:
            path.chmod(mode)
        return
    target = path.with_name(path.name + ".ro")
    if path.is_dir():
        target.mkdir()
    else:
        target.touch()
    try:
        _run("mount", "--bind", str(path), str(target))
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"running as root, which ignores permissions, and a read-only bind mount failed: {exc}")
    try:
        _run("mount", "-o", "remount,bind,ro", str(target))
        probe = target / "probe" if target.is_dir() else target
        with pytest.raises(OSError):  # the test must really exercise an unwritable archive
            probe.open("a").close()
        yield target
    finally:
        _run("umount", str(target))
