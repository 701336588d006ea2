"""One module per noun of the API; each resource serves both the sync and the async client."""
