"""The site registry (newsarchive/sites/__init__.py): discovery, lookup by name, and the unknown-name error."""

from __future__ import annotations

import sys

import pytest

import newsarchive.sites as sites
from newsarchive.sites import Site, UnknownSite, all_sites, get_site
from newsarchive.sites.newsweekjapan import SITE as NEWSWEEKJAPAN


def test_get_site_returns_the_profile_its_module_defines():
    assert get_site("newsweekjapan") is NEWSWEEKJAPAN


def test_all_sites_lists_newsweekjapan_once_and_only_sites():
    found = all_sites()
    assert [s.name for s in found].count("newsweekjapan") == 1
    assert all(isinstance(s, Site) for s in found)


def test_all_sites_is_sorted_by_name():
    names = [s.name for s in all_sites()]
    assert names == sorted(names)


def test_unknown_site_is_a_key_error_that_names_the_known_sites():
    with pytest.raises(KeyError) as caught:
        get_site("nosuchpaper")
    assert isinstance(caught.value, UnknownSite)
    message = str(caught.value)
    assert "nosuchpaper" in message
    assert "newsweekjapan" in message
    # The message is meant for people: no doubled quotes from KeyError's repr.
    assert not message.startswith('"')


@pytest.fixture
def extra_site_dir(tmp_path, monkeypatch):
    """A second directory on the package's search path, so a module dropped there is discovered."""
    monkeypatch.setattr(sites, "__path__", [*sites.__path__, str(tmp_path)])
    sites._registry.cache_clear()
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("newsarchive.sites.zz_")]:
        del sys.modules[name]
    sites._registry.cache_clear()


def test_a_new_module_defining_site_is_discovered_without_registration(extra_site_dir):
    (extra_site_dir / "zz_example.py").write_text(
        '"""A test site."""\n'
        "from newsarchive.sites.base import Site\n"
        'SITE = Site(name="zz_example", title="Example", base_url="https://news.example")\n',
        encoding="utf-8",
    )
    assert get_site("zz_example").title == "Example"
    assert "zz_example" in [s.name for s in all_sites()]


def test_a_module_without_site_is_not_a_site(extra_site_dir):
    (extra_site_dir / "zz_helpers.py").write_text('"""Shared helpers, no SITE."""\nX = 1\n', encoding="utf-8")
    assert "zz_helpers" not in [s.name for s in all_sites()]
    with pytest.raises(UnknownSite):
        get_site("zz_helpers")


def test_two_modules_claiming_one_name_is_an_error(extra_site_dir):
    (extra_site_dir / "zz_clash.py").write_text(
        '"""Claims an existing name."""\n'
        "from newsarchive.sites.base import Site\n"
        'SITE = Site(name="newsweekjapan", title="Impostor", base_url="https://news.example")\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="newsweekjapan"):
        all_sites()
