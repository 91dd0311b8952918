"""The Scrapy side: settings, spiders, downloader middlewares, extensions, pipelines and worker processes."""
