"""Storage backends: one module per kind of bucket (S3, Azure), behind one interface."""
