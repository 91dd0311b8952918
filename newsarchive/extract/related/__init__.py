"""The related-reading links a publisher presents with an article."""
