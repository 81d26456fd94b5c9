"""Pieces every screen shares: the background worker, the change bridge, labels, status bits."""
