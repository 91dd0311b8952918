"""Tests for newsarchive.crawler.config: reading the crawl config file and the errors a user sees for a bad one."""

import pytest

from newsarchive.crawler.config import ConfigError, config_path, load_config

GOOD = """
db = "/srv/news.db"

[defaults]
delay = 2.0
recheck = ["1h", "1d"]
settings = { CLOSESPIDER_PAGECOUNT = 500 }

[sites.newsweekjapan]
feeds = ["/headlines.rss"]
concurrency = 1

[sites.gazette]
url = "https://gazette.example/feed.xml"
recheck = ["30m"]
settings = { LOG_LEVEL = "WARNING" }
"""


def write(tmp_path, text):
    path = tmp_path / "newsarchive.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_sites_get_the_defaults_and_their_own_overrides(tmp_path):
    config = load_config(write(tmp_path, GOOD))
    assert config.db == "/srv/news.db"
    nwj, gazette = config.sites
    assert (nwj.name, nwj.spider, nwj.feeds, nwj.delay, nwj.concurrency) == (
        "newsweekjapan",
        "newsweekjapan",
        ("/headlines.rss",),
        2.0,
        1,
    )
    assert (gazette.spider, gazette.url, gazette.recheck) == ("generic", "https://gazette.example/feed.xml", ("30m",))
    settings = gazette.scrapy_settings()
    assert settings["DOWNLOAD_DELAY"] == 2.0 and settings["NEWSARCHIVE_RECHECK"] == ["30m"]
    assert settings["NEWSARCHIVE_SITE_NAME"] == "gazette"
    # The site's settings table adds to the defaults' one.
    assert settings["CLOSESPIDER_PAGECOUNT"] == 500 and settings["LOG_LEVEL"] == "WARNING"
    assert nwj.scrapy_settings()["NEWSARCHIVE_FEEDS"] == ["/headlines.rss"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("[sites.newsweekjapan]\nfeeds = '/x.rss'", "sites.newsweekjapan.feeds must be a list"),
        ("[sites.nosuchsite]\n", "unknown site"),
        ("[sites.gazette]\nurl = 'ftp://x/'", r"sites.gazette.url must be an http\(s\) URL"),
        ("[sites.newsweekjapan]\nrecheck = ['soon']", "age"),
        ("[sites.newsweekjapan]\ndelay = -1", "delay must be a number from 0 to 3600, not -1"),
        ("[sites.newsweekjapan]\nspeed = 3", "unknown key sites.newsweekjapan.speed"),
        ("[defaults]\ndelay = 1\n", "no sites"),
        ("[sites.newsweekjapan\n", "cannot read config"),
    ],
)
def test_a_bad_config_names_the_file_and_what_is_wrong(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=message) as error:
        load_config(path)
    assert path in str(error.value)


def test_a_missing_config_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="no config file at"):
        load_config(str(tmp_path / "none.toml"))


def test_the_config_is_found_by_option_then_environment_then_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSARCHIVE_CONFIG", raising=False)
    assert config_path() is None
    (tmp_path / "newsarchive.toml").write_text("", encoding="utf-8")
    assert config_path() == "newsarchive.toml"
    monkeypatch.setenv("NEWSARCHIVE_CONFIG", "/etc/newsarchive.toml")
    assert config_path() == "/etc/newsarchive.toml"
    assert config_path("mine.toml") == "mine.toml"


def test_the_example_config_loads_and_is_the_one_the_readme_shows():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    example = root / "examples" / "newsarchive.toml"
    config = load_config(str(example))
    assert [site.name for site in config.sites] == ["newsweekjapan", "example-news"]
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = "\n".join(line.removeprefix("    ") for line in readme.splitlines())
    assert example.read_text(encoding="utf-8").strip() in shown


@pytest.mark.parametrize(
    "text, message",
    [
        ("feeds = [1, 2]", r"sites.newsweekjapan.feeds must be a list of strings, not \[1, 2\]"),
        ("sitemaps = [true]", "sites.newsweekjapan.sitemaps must be a list of strings"),
        ("recheck = [false]", "sites.newsweekjapan.recheck must be a list of strings"),
        ("recheck = [3600]", "sites.newsweekjapan.recheck must be a list of strings"),
        ("recheck = ['99999999999999d']", "sites.newsweekjapan.recheck: an age longer than any calendar"),
        ("delay = true", "sites.newsweekjapan.delay must be a number from 0 to 3600, not True"),
        ("delay = '2'", "sites.newsweekjapan.delay must be a number"),
        ("delay = inf", "sites.newsweekjapan.delay must be a number from 0 to 3600, not inf"),
        ("delay = nan", "sites.newsweekjapan.delay must be a number"),
        ("concurrency = 1e308", "sites.newsweekjapan.concurrency must be a whole number from 1 to 100, not 1e[+]308"),
        ("concurrency = 2.5", "sites.newsweekjapan.concurrency must be a whole number"),
        ("concurrency = 10000000000000000", "sites.newsweekjapan.concurrency must be a whole number from 1 to 100"),
        ("settings = { NEWSARCHIVE_SIMILARITY = 2 }", "settings: NEWSARCHIVE_SIMILARITY must be a number above 0"),
        ("settings = { NEWSARCHIVE_BATCH_SIZE = -5 }", "settings: NEWSARCHIVE_BATCH_SIZE must not be negative"),
        ("settings = { CLOSESPIDER_TIMEOUT = 'soon' }", "settings: CLOSESPIDER_TIMEOUT must be a number"),
        ("settings = { ROBOTSTXT_OBEY = 'perhaps' }", "settings: ROBOTSTXT_OBEY must be true or false"),
    ],
)
def test_config_values_of_the_wrong_type_are_errors_naming_the_key(tmp_path, text, message):
    path = write(tmp_path, f"[sites.newsweekjapan]\n{text}\n")
    with pytest.raises(ConfigError, match=message) as error:
        load_config(path)
    assert path in str(error.value) and "\n" not in str(error.value)


def test_config_numbers_and_settings_of_the_right_type_are_kept(tmp_path):
    path = write(
        tmp_path,
        "[sites.newsweekjapan]\ndelay = 0\nconcurrency = 4\nrecheck = ['3600s', '1d']\n"
        "settings = { NEWSARCHIVE_SIMILARITY = 0.6, ROBOTSTXT_OBEY = false, NEWSARCHIVE_PROGRESS_INTERVAL = 0.5 }\n",
    )
    site = load_config(path).sites[0]
    assert (site.delay, site.concurrency, site.recheck) == (0.0, 4, ("3600s", "1d"))
    assert site.settings["NEWSARCHIVE_SIMILARITY"] == 0.6
