"""Engine: the botocore hook, the JSON 1.0 wire, dispatch, model-driven validation and output
writing. Below the faces, above the operations; see docs/architecture.md."""
