"""One module per resource family; each registers the operations it answers with
:func:`smsmock.state.registry.operation`. A request imports the module of its own operation
(:mod:`smsmock.engine.handlers`)."""
