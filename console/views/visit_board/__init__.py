"""The e-nurse's visit board (issue 14)."""
