"""newsarchive: crawl news sites with Scrapy and keep clean articles in a searchable archive."""

__version__ = "0.1.0"
