"""Tests for newsarchive.crawler.spiders.limits: which nested sitemaps a run reads, and what it says it cut."""

from newsarchive.crawler.spiders.limits import SitemapBudget


def test_nested_sitemaps_past_the_depth_or_the_count_are_refused_and_summed_up_per_limit():
    budget = SitemapBudget(max_depth=2, max_sitemaps=3)
    assert budget.allow("https://example.com/a.xml", 1)
    assert not budget.allow("https://example.com/a.xml", 1)  # a repeat: neither read again nor a cut
    assert not budget.allow("https://example.com/deep-1.xml", 3)
    assert not budget.allow("https://example.com/deep-2.xml", 3)
    assert budget.allow("https://example.com/b.xml", 2) and budget.allow("https://example.com/c.xml", 2)
    assert not budget.allow("https://example.com/d.xml", 1)
    assert budget.cut_rows() == [
        (
            "https://example.com/deep-1.xml",
            "sitemaps not read: 2 nested more than 2 sitemap indexes deep (NEWSARCHIVE_SITEMAP_DEPTH)",
        ),
        (
            "https://example.com/d.xml",
            "sitemaps not read: 1 over the limit of 3 sitemaps per run (NEWSARCHIVE_MAX_SITEMAPS)",
        ),
    ]
    assert SitemapBudget(max_depth=2, max_sitemaps=3).cut_rows() == []
