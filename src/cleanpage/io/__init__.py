"""Getting pages in and results out: inputs, batches, WARC, output files, records, rendering, CLI."""
