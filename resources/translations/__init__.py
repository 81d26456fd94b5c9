"""Qt translations: ``eward_da.ts`` (source, edited by translators) and ``eward_da.qm`` (built)."""
