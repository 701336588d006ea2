"""Moving artifact files: inspection, uploads to S3/Azure, verified downloads, progress."""
