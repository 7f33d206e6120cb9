"""Benchmarks of ropa at scale: a generator of large valid registers and a benchmark against floors."""
