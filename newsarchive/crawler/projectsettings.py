"""A crawler's settings over settings.py's NEWSARCHIVE_* values, so components read them with no default of their own.

This is how Scrapy itself works: Settings() starts from scrapy.settings.default_settings at the lowest
("default") priority and its components call getint(name) with no fallback. A crawl started by run.py or
`scrapy crawl` already loaded settings.py; a crawler built another way (scrapy.utils.test.get_crawler, an
embedding application) gets the names it lacks from settings.py here, at that same lowest priority.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

from newsarchive.crawler import settings as _module

# Only the project's own names: Scrapy's (ITEM_PIPELINES, USER_AGENT, ...) stay as the crawler was given them.
_OWN = {name: getattr(_module, name) for name in dir(_module) if name.startswith("NEWSARCHIVE_")}


def project_settings(settings: BaseSettings) -> BaseSettings:
    """`settings` itself when it has every NEWSARCHIVE_* name, else a copy with the missing ones from settings.py."""
    missing = {name: value for name, value in _OWN.items() if name not in settings}
    if not missing:
        return settings
    layered = BaseSettings(missing, priority="default")
    layered.update(settings)  # each setting keeps the priority it was given
    return layered
