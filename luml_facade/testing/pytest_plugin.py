"""pytest fixtures for the local LUML server (filled in by luml_facade.testing)."""
