"""The fixture pages under ``tests/fixtures``: each must give its expected.json and hold its checks."""
