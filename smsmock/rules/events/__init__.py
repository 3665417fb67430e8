"""What happens to a message after it is accepted: its events, in AWS's own JSON, on the mock's
clock, and where they go.

- :mod:`smsmock.rules.events.catalogue`: the event types (the model's ``EventType`` enum), their
  ``messageStatus``, description and ``isFinal``, and the fates a test can choose per channel.
- :mod:`smsmock.rules.events.payloads`: the JSON each event and each inbound message carries.
- :mod:`smsmock.rules.events.bus`: what goes to the default EventBridge bus (the four
  detail-types).
- :mod:`smsmock.rules.events.timeline`: the events waiting for their time, fates chosen per
  destination, arrival (records on the handle, deliveries, callbacks).
"""
