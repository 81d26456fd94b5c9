"""Report writers that draw charts (matplotlib, no Qt): kept out of ``console.services``, which
the import-linter contract keeps free of matplotlib, and out of ``console.views`` so the CLI can
write them without a window."""
