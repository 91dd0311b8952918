"""Single article fields read from a page: headline, dates and their timezone, authors, section, language."""
