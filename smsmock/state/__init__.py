"""The mock's state per account and region, and the machinery resource families use."""
