"""Article extraction: a page (URL + HTML) in, an Article out; never imports Scrapy."""

from newsarchive.extract.document.charset import decode_html
from newsarchive.extract.fields.dates import parse_date
from newsarchive.extract.page import ArticlePage, ExtractionError, extract_article, merge_pages
from newsarchive.extract.rules import Rules

__all__ = ["ArticlePage", "ExtractionError", "Rules", "decode_html", "extract_article", "merge_pages", "parse_date"]
