"""Pure text functions: the URL key, the word rule, cleaning, near-duplicate signatures, diffs; no Scrapy, no SQL."""
