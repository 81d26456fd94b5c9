"""Data shipped with the console: reference CSVs, icons, translations."""
