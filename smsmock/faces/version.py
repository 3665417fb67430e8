"""The version of smsmock (what state files and the server's ``/_smsmock/health`` report)."""

__version__ = "0.1.0"
