"""Scrapy extensions, one per file: the run recorder, the progress line, the startup-objects freeze."""
