"""End-to-end crawl tests against a local mirror."""
