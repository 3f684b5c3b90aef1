"""Whole archives of replies: checked to a Parquet results dataset, and reported on."""
