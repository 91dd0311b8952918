"""The site registry: every module of this package that defines `SITE` is a supported publisher."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from newsarchive.sites.base import Site

__all__ = ["Site", "UnknownSite", "all_sites", "get_site"]


class UnknownSite(KeyError):
    """Raised by `get_site` for a name no site module defines; the message lists the known names."""

    def __str__(self) -> str:
        # KeyError's own __str__ shows repr(args[0]), quotes and all; users read this message in the CLI.
        return str(self.args[0]) if self.args else ""


@lru_cache(maxsize=1)
def _registry() -> dict[str, Site]:
    """Import each submodule once and index its `SITE` by name (modules without one are helpers)."""
    sites: dict[str, Site] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.ispkg or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        site = getattr(module, "SITE", None)
        if site is None:
            continue
        if not isinstance(site, Site):
            raise TypeError(f"{module.__name__}.SITE is a {type(site).__name__}, not a Site")
        if site.name in sites:
            raise ValueError(f"two site modules define the site name {site.name!r}")
        sites[site.name] = site
    return sites


def all_sites() -> list[Site]:
    """Every supported site, sorted by name."""
    return [site for _, site in sorted(_registry().items())]


def get_site(name: str) -> Site:
    """The site called `name`; `UnknownSite` says which names exist when there is none."""
    try:
        return _registry()[name]
    except KeyError:
        known = ", ".join(sorted(_registry())) or "(none)"
        raise UnknownSite(f"unknown site {name!r}; known sites: {known}") from None
