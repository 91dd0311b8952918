"""From bytes to a tree: charset decoding, safe parsing, and bounds for oversized pages."""
