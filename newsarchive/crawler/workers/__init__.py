"""Worker processes beside the crawl: article extraction and the archive writer."""
