"""sign_in."""
