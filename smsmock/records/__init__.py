"""Records: the record types and table keys of every resource family — data, with lookups within
a family and no cross-family behaviour. Below the rules, above the state; see
docs/architecture.md."""
