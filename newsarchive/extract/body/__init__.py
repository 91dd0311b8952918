"""The article body: its container, its lead, a declared or script-shipped body."""
