"""A series: its episodes, target languages, bible and memory in one store (decision 022)."""
