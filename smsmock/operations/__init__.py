"""One module per resource family; each registers the operations it answers with
:func:`smsmock.state.registry.operation`. Every module here is imported on the first request."""
