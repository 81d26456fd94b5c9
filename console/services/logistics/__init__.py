"""logistics."""
