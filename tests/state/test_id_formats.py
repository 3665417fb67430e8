"""Ids keep the service's formats in every process: a forked child (which chooses its random
prefix afresh) still makes version 4 UUIDs and ``{prefix}-`` plus 32 lowercase hex digits, and
none of them the parent's."""

from __future__ import annotations

import os
import re
import uuid

import pytest

from smsmock.state.ids import new_id, new_uuid

CHILDREN = 12
IDS_PER_CHILD = 8


def ids_of_a_forked_child() -> list[str]:
    """A version 4 UUID, then ``IDS_PER_CHILD`` pool ids, as a forked child makes them."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        made = [new_uuid(), *(new_id("pool") for _ in range(IDS_PER_CHILD))]
        os.write(write, " ".join(made).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    with os.fdopen(read) as pipe:
        return pipe.read().split()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_forked_children_make_well_formed_ids_of_their_own() -> None:
    parent_prefix = new_uuid()[:24]
    prefixes = set()
    for _ in range(CHILDREN):
        child_uuid, *pool_ids = ids_of_a_forked_child()
        parsed = uuid.UUID(child_uuid)
        assert (str(parsed), parsed.version, parsed.variant) == (child_uuid, 4, uuid.RFC_4122)
        prefixes.add(child_uuid[:24])
        assert len(pool_ids) == IDS_PER_CHILD
        for pool_id in pool_ids:
            assert re.fullmatch(r"pool-[0-9a-f]{32}", pool_id), pool_id
    assert parent_prefix not in prefixes
    assert len(prefixes) == CHILDREN
