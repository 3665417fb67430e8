"""What happens to a message after it is accepted: its events, in AWS's own JSON, on the mock's
clock, and where they go.

- :mod:`smsmock.events.catalogue`: the event types (the model's ``EventType`` enum), their
  ``messageStatus``, description and ``isFinal``, and the fates a test can choose per channel.
- :mod:`smsmock.events.payloads`: the JSON each event and each inbound message carries.
- :mod:`smsmock.events.timeline`: the events waiting for their time, fates chosen per destination,
  arrival (records on the handle, deliveries, callbacks).
"""
