"""One spider class per registered site, so that `scrapy crawl <site>` and the CLI find each by name."""

from newsarchive.crawler.spiders.site import site_spider_class
from newsarchive.sites import all_sites


def _define_site_spiders() -> None:
    # Scrapy's SpiderLoader keeps only classes whose __module__ is the module it imported: this one.
    for site in all_sites():
        cls = site_spider_class(site, __name__)
        globals()[cls.__name__] = cls


_define_site_spiders()
