"""Faces: how users switch smsmock on and look inside — the decorator and its handle, the pytest
plugin, the command line, the server and state files. The top layer; see docs/architecture.md."""
