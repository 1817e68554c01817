"""Quality evaluations of briefing against the shared corpus (../shared/corpus)."""
