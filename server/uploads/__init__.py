"""Uploads through the API: a file sent over HTTP, loaded as a job by the CLI's loader (loaders/load.py)."""
