"""smsmock's benchmarks: per-call cost against botocore's floor and moto, activation cost, scale,
opt-out lookups, event delivery into moto (event destinations and the EventBridge bus), import
cost, a fresh process's first answered call (``first_call.py``, in fresh processes) and a burst
of new connections to the server (``server_burst.py``). Rounds alternate between the variants
in one process and report medians and ratios; nothing here is a pass/fail timing.

    python benchmarks/run.py            # the full run (under a minute on a quiet machine)
    python benchmarks/run.py --smoke    # a quick run that only checks everything works (CI)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import boto3
import botocore.session
from botocore.awsrequest import AWSResponse
from first_call import first_call_cost, report  # this script's own folder is on sys.path
from server_burst import burst_report

from smsmock import mock_sms_voice
from smsmock.engine.hook import EVENT, Switch, before_send

Bench = Callable[[], None]


def per_call(
    variants: dict[str, Bench], rounds: int, calls: int, between: Bench | None = None
) -> dict[str, float]:
    """Median seconds per call of each variant, rounds alternating between them; ``between``
    runs, untimed, after each variant's calls."""
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, bench in variants.items():
            start = time.perf_counter()
            for _ in range(calls):
                bench()
            samples[name].append((time.perf_counter() - start) / calls)
            if between is not None:
                between()
    return {name: statistics.median(values) for name, values in samples.items()}


def request_numbers(client: Any, count: int) -> list[str]:
    ids = []
    for i in range(count):
        number = client.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL" if i % 2 else "PROMOTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="TOLL_FREE",
        )
        ids.append(number["PhoneNumberId"])
    return ids


class _Body:
    def __init__(self, content: bytes) -> None:
        self.content = content

    def stream(self, **kwargs: Any) -> Any:
        yield self.content


def unmocked(call: Bench) -> Bench:
    """``call`` with the mock switched off while it runs: a floor's client inside the timed loop
    signs with SigV4 as botocore does without smsmock (with the mock on, its requests of this
    service would carry the placeholder signature too)."""

    def run() -> None:
        Switch.active = False
        try:
            call()
        finally:
            Switch.active = True

    return run


def canned_client(service: str, body: bytes, *, bare: bool = False) -> Any:
    """A boto3 client of ``service`` (a bare botocore one with ``bare``) whose every call is
    answered with ``body`` by a before-send handler, from a session without smsmock's hook:
    botocore calls every before-send handler, also after one has answered, so the hook would
    otherwise run (and cost) there too."""
    session = botocore.session.Session() if bare else boto3.session.Session()._session
    session.unregister(EVENT, before_send)
    client = session.create_client(
        service,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )

    def answer(request: Any, **kwargs: Any) -> AWSResponse:
        return AWSResponse(request.url, 200, {"x-amzn-RequestId": "r"}, _Body(body))

    client.meta.events.register_first("before-send", answer)
    return client


def describe_cost(rounds: int, calls: int) -> dict[str, float]:
    """describe_phone_numbers over 10 numbers: smsmock, the canned floor, and moto (and moto's
    own floor: its answer's bytes served the same canned way)."""
    from moto import mock_aws

    with mock_sms_voice():
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        request_numbers(client, 10)
        # The floor's client is a boto3 client like smsmock's: boto3 adds to botocore's work.
        floor_client = canned_client("pinpoint-sms-voice-v2", _answer_bytes())
        bare_client = canned_client("pinpoint-sms-voice-v2", _answer_bytes(), bare=True)
        result = per_call(
            {
                "smsmock": lambda: client.describe_phone_numbers(),
                "floor": unmocked(lambda: floor_client.describe_phone_numbers()),
                "bare floor": unmocked(lambda: bare_client.describe_phone_numbers()),
            },
            rounds,
            calls,
        )
    with mock_aws():
        logs = boto3.client("logs", region_name="us-east-1")
        for i in range(10):
            logs.create_log_group(logGroupName=f"group-{i}")
        moto_result = per_call({"moto": lambda: logs.describe_log_groups()}, rounds, calls)
        moto_bytes = _moto_answer_bytes(logs)
    moto_floor = canned_client("logs", moto_bytes)
    moto_floor_result = per_call(
        {"moto floor": lambda: moto_floor.describe_log_groups()}, rounds, calls
    )
    return {**result, **moto_result, **moto_floor_result}


def _moto_answer_bytes(logs: Any) -> bytes:
    """The bytes moto answers DescribeLogGroups with."""
    return answer_bytes(logs, logs.describe_log_groups)


def answer_bytes(client: Any, call: Bench) -> bytes:
    """The bytes ``client`` was answered with by ``call``."""
    captured: list[bytes] = []

    def capture(http_response: Any, **kwargs: Any) -> None:
        captured.append(http_response.content)

    client.meta.events.register("after-call", capture)
    call()
    client.meta.events.unregister("after-call", capture)
    return captured[-1]


def small_call_cost(rounds: int, calls: int) -> dict[str, float]:
    """A describe with a short answer (describe_opt_out_lists, the Default list) and a send
    (send_text_message from a toll-free number), smsmock against the canned floor answering
    each with smsmock's bytes. The floor's client signs with SigV4; smsmock's requests carry a
    placeholder signature (nothing checks it), so smsmock can be cheaper than the floor."""
    with mock_sms_voice() as sms:
        sms.set_quota("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", 10**6)
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        (number_id,) = request_numbers(client, 1)
        sms.register_phone_number(number_id)  # toll-free: PENDING until registered

        def describe(on: Any) -> Bench:
            return lambda: on.describe_opt_out_lists()

        def send(on: Any) -> Bench:
            return lambda: on.send_text_message(
                DestinationPhoneNumber="+12125550100",
                OriginationIdentity=number_id,
                MessageBody="Your parcel arrives today",
            )

        variants: dict[str, Bench] = {}
        for name, call in (("describe", describe), ("send", send)):
            floor = canned_client("pinpoint-sms-voice-v2", answer_bytes(client, call(client)))
            variants[name] = call(client)
            variants[f"{name} floor"] = unmocked(call(floor))
        for bench in variants.values():  # a client's first call pays one-time costs: untimed
            bench()
        return per_call(variants, rounds, calls)


def _answer_bytes() -> bytes:
    """The bytes smsmock answers DescribePhoneNumbers with, for the canned floor."""
    from smsmock.engine import wire
    from smsmock.state.world import WORLD

    request = wire.Request(
        "POST",
        "https://sms-voice.us-east-1.amazonaws.com/",
        {"X-Amz-Target": "PinpointSMSVoiceV2.DescribePhoneNumbers"},
        b"{}",
    )
    return wire.handle(request, WORLD).body


def activation_cost(rounds: int, calls: int) -> dict[str, float]:
    """Entering and leaving mock_sms_voice against moto's mock_aws."""
    from moto import mock_aws

    def smsmock_cycle() -> None:
        with mock_sms_voice():
            pass

    def moto_cycle() -> None:
        with mock_aws():
            pass

    return per_call({"smsmock": smsmock_cycle, "moto": moto_cycle}, rounds, calls)


def scale_cost(sizes: tuple[int, ...], page: int) -> dict[int, float]:
    """Seconds per item to request N numbers and page through them all with a filter."""
    out: dict[int, float] = {}
    for size in sizes:
        with mock_sms_voice() as sms:
            sms.set_quota("PHONE_NUMBERS_PER_ACCOUNT", size)
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            start = time.perf_counter()
            request_numbers(client, size)
            seen = 0
            paginator = client.get_paginator("describe_phone_numbers")
            for result in paginator.paginate(
                Filters=[{"Name": "message-type", "Values": ["TRANSACTIONAL"]}],
                PaginationConfig={"PageSize": page},
            ):
                seen += len(result["PhoneNumbers"])
            elapsed = time.perf_counter() - start
            assert seen == size // 2, (seen, size)
            out[size] = elapsed / size
    return out


def opt_out_cost(opted_out: tuple[int, ...], sends: int) -> dict[int, float]:
    """Seconds per send_text_message with N numbers on the identity's opt-out list."""
    out: dict[int, float] = {}
    for count in opted_out:
        with mock_sms_voice() as sms:
            sms.set_quota("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", 10**6)
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            (number_id,) = request_numbers(client, 1)
            sms.register_phone_number(number_id)  # toll-free: PENDING until registered
            for i in range(count):
                client.put_opted_out_number(
                    OptOutListName="Default", OptedOutNumber=f"+1206{i:07d}"
                )
            start = time.perf_counter()
            for _ in range(sends):
                client.send_text_message(
                    DestinationPhoneNumber="+12125550100",
                    OriginationIdentity=number_id,
                    MessageBody="hi",
                )
            out[count] = (time.perf_counter() - start) / sends
    return out


def empty_queue(sqs: Any, queue: str) -> None:
    """Delete every message of ``queue``. moto's SQS gets slower as a queue fills (several times
    at 1,000 messages): a consumer keeps it short; so does this, untimed (PurgeQueue: once a
    minute only)."""
    while messages := sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages"):
        entries = [{"Id": m["MessageId"], "ReceiptHandle": m["ReceiptHandle"]} for m in messages]
        sqs.delete_message_batch(QueueUrl=queue, Entries=entries)


def delivery_cost(rounds: int, calls: int) -> dict[str, float]:
    """send_text_message with a configuration set without event destinations, and with one SNS
    destination (every text event) that smsmock delivers into moto, where an SQS queue is
    subscribed to the topic; and, as moto's own part, a user's client publishing the same
    events' JSON to the same topic."""
    from moto import mock_aws

    with mock_aws(), mock_sms_voice() as sms:
        sms.set_quota("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", 10**6)
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        sns = boto3.client("sns", region_name="us-east-1")
        sqs = boto3.client("sqs", region_name="us-east-1")
        topic = sns.create_topic(Name="sms-events")["TopicArn"]
        queue = sqs.create_queue(QueueName="receipts")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])
        sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn["Attributes"]["QueueArn"])
        (number_id,) = request_numbers(client, 1)
        sms.register_phone_number(number_id)  # toll-free: PENDING until registered
        client.create_configuration_set(ConfigurationSetName="none")
        client.create_configuration_set(ConfigurationSetName="sns")
        client.create_event_destination(
            ConfigurationSetName="sns",
            EventDestinationName="receipts",
            MatchingEventTypes=["TEXT_ALL"],
            SnsDestination={"TopicArn": topic},
        )

        def send(configuration_set: str) -> None:
            client.send_text_message(
                DestinationPhoneNumber="+12125550100",
                OriginationIdentity=number_id,
                MessageBody="Your parcel arrives today",
                ConfigurationSetName=configuration_set,
            )

        send("sns")
        payloads = [json.dumps(event.payload) for event in sms.events()]

        def publish() -> None:
            for payload in payloads:
                sns.publish(TopicArn=topic, Message=payload)

        result = per_call(
            {
                "no destination": lambda: send("none"),
                "SNS destination": lambda: send("sns"),
                "moto publish": publish,
            },
            rounds,
            calls,
            between=lambda: empty_queue(sqs, queue),
        )
        result["events per send"] = len(payloads)
        return result


def eventbridge_cost(rounds: int, calls: int) -> dict[str, float]:
    """send_text_message without a configuration set: its events put on moto's default event
    bus, where a rule sends them to an SQS queue; the same send with moto not active (the events
    only recorded), and with moto active but no rule on the bus; and, as moto's own part, a
    user's client putting the same events on the same bus (one put_events per event, as smsmock
    puts them)."""
    from moto import mock_aws

    def sender(client: Any, number_id: str) -> Bench:
        return lambda: client.send_text_message(
            DestinationPhoneNumber="+12125550100",
            OriginationIdentity=number_id,
            MessageBody="Your parcel arrives today",
        )

    alone: dict[str, float] = {}
    for name, moto in (("without moto", contextlib.nullcontext()), ("moto, no rule", mock_aws())):
        with moto, mock_sms_voice() as sms:
            sms.set_quota("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", 10**6)
            client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
            (number_id,) = request_numbers(client, 1)
            sms.register_phone_number(number_id)  # toll-free: PENDING until registered
            alone.update(per_call({name: sender(client, number_id)}, rounds, calls))

    with mock_aws(), mock_sms_voice() as sms:
        sms.set_quota("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", 10**6)
        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        bus = boto3.client("events", region_name="us-east-1")
        sqs = boto3.client("sqs", region_name="us-east-1")
        queue = sqs.create_queue(QueueName="bus-receipts")["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])
        pattern = {
            "source": ["aws.sms-voice"],
            "detail-type": ["Text Message Delivery Status Updated"],
        }
        bus.put_rule(Name="receipts", EventPattern=json.dumps(pattern))
        target = {"Id": "queue", "Arn": arn["Attributes"]["QueueArn"]}
        bus.put_targets(Rule="receipts", Targets=[target])
        (number_id,) = request_numbers(client, 1)
        sms.register_phone_number(number_id)  # toll-free: PENDING until registered
        send = sender(client, number_id)
        send()
        entries = [
            {
                "Source": event.source,
                "DetailType": event.detail_type,
                "Detail": json.dumps(event.detail, separators=(",", ":")),
                "Resources": [],
            }
            for event in sms.eventbridge_events()
        ]

        def put_events() -> None:
            for entry in entries:
                bus.put_events(Entries=[entry])

        result = per_call(
            {"EventBridge rule": send, "moto put_events": put_events},
            rounds,
            calls,
            between=lambda: empty_queue(sqs, queue),
        )
    return {**alone, **result, "events per send": len(entries)}


_IMPORT = """
import time, boto3
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""

IMPORTS = {
    "import smsmock": "import smsmock",  # what the pytest plugin does at every pytest start
    "from smsmock import mock_sms_voice": "from smsmock import mock_sms_voice",  # a test module
    "import moto": "import moto",
}


def import_cost(rounds: int) -> dict[str, float]:
    """Seconds each import of :data:`IMPORTS` takes in a fresh interpreter that has imported
    boto3: the least of ``rounds`` interpreters (its own cost, the machine's load aside)."""
    samples: dict[str, list[float]] = {name: [] for name in IMPORTS}
    for _ in range(rounds):
        for name, statement in IMPORTS.items():
            code = _IMPORT.format(statement=statement)
            done = subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            )
            samples[name].append(float(done.stdout.splitlines()[-1]))
    return {name: min(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: check it runs")
    args = parser.parse_args()
    smoke = args.smoke
    rounds, calls = (2, 20) if smoke else (15, 200)

    call = describe_cost(rounds, calls)
    print("describe_phone_numbers over 10 numbers (median per call)")
    print(f"  smsmock {call['smsmock'] * 1e6:8.1f} us")
    print(f"  floor   {call['floor'] * 1e6:8.1f} us   (canned before-send, same bytes)")
    print(f"  moto    {call['moto'] * 1e6:8.1f} us   (logs.describe_log_groups over 10 groups)")
    print(f"  moto's floor {call['moto floor'] * 1e6:5.1f} us   (canned before-send, moto's bytes)")
    print(f"  smsmock / floor = {call['smsmock'] / call['floor']:.3f}   (target <= 1.10)")
    bare = call["smsmock"] / call["bare floor"]
    print(f"  smsmock / bare botocore client's floor = {bare:.3f}   (boto3's own work counted)")
    print(f"  smsmock / moto  = {call['smsmock'] / call['moto']:.3f}   (target <= 0.60)")
    least = call["floor"] / call["moto"]
    print(f"  floor / moto    = {least:.3f}   (the least smsmock / moto can be)")
    own, moto_own = call["smsmock"] - call["floor"], call["moto"] - call["moto floor"]
    print(f"  above the floor: smsmock {own * 1e6:.1f} us, moto {moto_own * 1e6:.1f} us")
    print("    (smsmock's: its own work less the signature's arithmetic it skips)")

    small = small_call_cost(rounds, calls)
    print("below the floor: the signature is a placeholder (median per call)")
    for name, what in (("describe", "describe_opt_out_lists"), ("send", "send_text_message")):
        mocked, floor = small[name], small[f"{name} floor"]
        print(f"  {what:22} smsmock {mocked * 1e6:6.1f} us, floor {floor * 1e6:6.1f} us")
        print(f"  {'':22} smsmock / floor = {mocked / floor:.3f}   (target <= 0.85)")

    cycle = activation_cost(rounds, 5 if smoke else 20)
    print("entering and leaving the mock (median per cycle)")
    print(f"  smsmock {cycle['smsmock'] * 1e6:8.1f} us   moto {cycle['moto'] * 1e6:8.1f} us")
    print(f"  smsmock / moto = {cycle['smsmock'] / cycle['moto']:.3f}   (target <= 0.05)")

    sizes = (30, 300) if smoke else (300, 3000)
    scale = scale_cost(sizes, 50)
    print("request N numbers and page through them with a filter (per item)")
    for size, cost in scale.items():
        print(f"  N={size:5d} {cost * 1e6:8.1f} us")
    print(f"  ratio {scale[sizes[1]] / scale[sizes[0]]:.2f}   (target <= 1.20)")

    counts = (10, 1000) if smoke else (10, 10000)
    sends = opt_out_cost(counts, 10 if smoke else 200)
    print("send_text_message with N opted-out numbers on the list (per send)")
    for count, cost in sends.items():
        print(f"  N={count:5d} {cost * 1e6:8.1f} us")
    print(f"  ratio {sends[counts[1]] / sends[counts[0]]:.2f}   (flat means no scan)")

    sent = delivery_cost(rounds, 10 if smoke else 30)
    events = int(sent["events per send"])
    print(f"send_text_message and its {events} events delivered into moto (median per send)")
    print(f"  no event destination       {sent['no destination'] * 1e6:8.1f} us")
    print(f"  one SNS destination (moto) {sent['SNS destination'] * 1e6:8.1f} us")
    print(f"  moto's own: {events} sns.publish {sent['moto publish'] * 1e6:8.1f} us")
    ratio = sent["SNS destination"] / sent["no destination"]
    print(f"  SNS destination / no destination = {ratio:.2f}")
    above = sent["SNS destination"] - sent["no destination"]
    print(f"  delivery cost / moto's publish cost = {above / sent['moto publish']:.2f}")

    bus = eventbridge_cost(rounds, 10 if smoke else 30)
    events = int(bus["events per send"])
    print(f"send_text_message and its {events} events on the default EventBridge bus (per send)")
    print(f"  moto not active (recorded)  {bus['without moto'] * 1e6:8.1f} us")
    print(f"  moto, no rule on the bus    {bus['moto, no rule'] * 1e6:8.1f} us")
    print(f"  a rule to SQS (moto)        {bus['EventBridge rule'] * 1e6:8.1f} us")
    print(f"  moto's own: {events} events.put_events {bus['moto put_events'] * 1e6:8.1f} us")
    above = bus["EventBridge rule"] - bus["without moto"]
    print(f"  EventBridge cost / moto's put_events cost = {above / bus['moto put_events']:.2f}")

    imports = import_cost(1 if smoke else 15)
    print("import after import boto3 (fresh interpreters, least)")
    for name, seconds in imports.items():
        print(f"  {name:36s} {seconds * 1e3:6.1f} ms")
    print(
        f"  import smsmock / import moto = {imports['import smsmock'] / imports['import moto']:.3f}"
    )
    print("  (target: import smsmock <= 30 ms)")

    report(first_call_cost(1 if smoke else 11))
    burst_report(smoke)


if __name__ == "__main__":
    main()
