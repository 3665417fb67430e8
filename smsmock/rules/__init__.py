"""Rules: what crosses resource families (origination identities, pool membership, sending,
opt-outs, registrations' checks) and the catalogues (countries, pricing, forms). Below the
operations, above the records; see docs/architecture.md."""
