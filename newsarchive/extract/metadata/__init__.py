"""What a page declares about itself: JSON-LD, microdata, OpenGraph and <meta>."""
