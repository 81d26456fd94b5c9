"""Alembic migrations, shipped inside the wheel so ``eward db upgrade`` works when installed."""
