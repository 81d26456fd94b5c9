"""Use cases and the IV agreement's rules (domain.md R-…). No Qt here (import-linter enforces it)."""
