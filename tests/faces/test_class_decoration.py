"""``@mock_sms_voice`` on a pytest test class does what users of moto and freezegun expect:
``setup_method`` and ``teardown_method`` run inside the mock, inherited tests are wrapped, static
and class methods work, and each test starts empty."""

from __future__ import annotations

import pytest

TESTS = """
import boto3
import pytest

from smsmock import mock_sms_voice
from smsmock.engine.hook import Switch


def names():
    client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    return [x["OptOutListName"] for x in client.describe_opt_out_lists()["OptOutLists"]]


def make(name):
    boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1").create_opt_out_list(
        OptOutListName=name
    )


class Base:
    def test_inherited(self):
        assert names() == ["Default", "from-setup"]


@mock_sms_voice
class TestWithSetup(Base):
    def setup_method(self, method):
        assert Switch.active
        make("from-setup")
        self.running = method.__name__

    def teardown_method(self):
        assert Switch.active
        assert "from-setup" in names()

    def test_own(self):
        assert names() == ["Default", "from-setup"]
        assert self.running == "test_own"

    @pytest.mark.parametrize("suffix", ["a", "b"])
    def test_parametrized(self, suffix):
        make(suffix)
        assert names() == ["Default", "from-setup", suffix]

    @staticmethod
    def test_static():
        assert Switch.active
        assert names() == ["Default", "from-setup"]

    @classmethod
    def test_class(cls):
        assert Switch.active
        assert cls is TestWithSetup


@mock_sms_voice
class TestWithoutSetup:
    def test_first(self):
        make("first")
        assert names() == ["Default", "first"]

    def test_second(self):
        assert names() == ["Default"]


@mock_sms_voice
class TestSetupFails:
    def setup_method(self):
        raise RuntimeError("setup broke")

    def test_never_runs(self):
        pass


def test_switched_off_between_classes():
    assert not Switch.active


def test_a_test_called_without_pytest_is_mocked():
    TestWithoutSetup().test_first()
    assert not Switch.active


def test_the_base_is_left_as_it_was():
    assert not hasattr(Base.__dict__["test_inherited"], "__wrapped__")
    assert hasattr(TestWithSetup.__dict__["test_inherited"], "__wrapped__")
"""


@pytest.mark.slow
def test_pytest_classes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_classes=TESTS)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-v")

    result.assert_outcomes(passed=11, errors=1)
    result.stdout.fnmatch_lines(["*TestSetupFails::test_never_runs ERROR*"])
    result.stdout.fnmatch_lines(["*test_switched_off_between_classes PASSED*"])
