"""Scrapy spiders: one per registered site (spiders.sites), the generic spider, and what they share."""
