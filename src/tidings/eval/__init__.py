"""Benchmarks: dataset readers, the ROUGE protocol of ../shared/data/README.md, peers and reports."""
