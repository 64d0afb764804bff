"""Adapters for the third-party engines: each takes our values, catches and logs its failures."""
