"""outputs phase."""
