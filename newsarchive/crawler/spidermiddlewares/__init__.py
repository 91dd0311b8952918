"""Spider middlewares: what the crawl does with the requests and items a callback returns."""
