"""What is not article text: page furniture, site chrome, teasers and furniture lines."""
