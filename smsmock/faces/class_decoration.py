"""Decorating a test class with ``@mock_sms_voice``: what users of moto and freezegun expect.

- A ``unittest.TestCase``: each test runs in a fresh activation that starts before ``setUp`` and
  stops after ``tearDown`` (a cleanup, so also when ``setUp`` fails).
- Any other class (pytest's test classes): ``setup_method`` and ``teardown_method`` run inside
  the test's activation (pytest calls them around each test; the class gets them if it has
  none), and every ``test…`` method, inherited ones included, is wrapped as a decorated function
  is, so a test called without pytest's setup is mocked as well. Static and class methods stay
  static and class methods. The bases are left as they were.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

if TYPE_CHECKING:
    import unittest

T = TypeVar("T")

_OPEN = "_smsmock_activations"
"""The attribute of a test instance that holds the activations its ``setup_method`` opened."""


class Activation(Protocol):
    def start(self) -> Any: ...

    def stop(self) -> None: ...


def decorate_class(
    cls: type[T], fresh: Callable[[], Activation], decorate: Callable[[Any], Any]
) -> type[T]:
    """Make ``cls``'s tests run inside a fresh activation (``fresh()``); ``decorate`` wraps one
    function as the decorator does."""
    # A TestCase exists only once unittest is imported: not importing it here saves every
    # process that has no unittest (a CLI, a server, a first call) about 10 ms.
    loaded = sys.modules.get("unittest")
    if loaded is not None and issubclass(cls, loaded.TestCase):
        _decorate_test_case(cast("type[unittest.TestCase]", cls), fresh)
        return cls
    _wrap_setup_and_teardown(cls, fresh)
    for name in dir(cls):
        if name.startswith("test"):
            _wrap_test(cls, name, decorate)
    return cls


def _decorate_test_case(cls: type[unittest.TestCase], fresh: Callable[[], Activation]) -> None:
    original_setup = cls.setUp

    @functools.wraps(original_setup)
    def setUp(case: unittest.TestCase) -> None:
        activation = fresh()
        activation.start()
        case.addCleanup(activation.stop)
        original_setup(case)

    cls.setUp = setUp  # type: ignore[method-assign,assignment]


def _wrap_setup_and_teardown(cls: type, fresh: Callable[[], Activation]) -> None:
    original_setup = inspect.getattr_static(cls, "setup_method", None)
    original_teardown = inspect.getattr_static(cls, "teardown_method", None)

    def setup_method(self: Any, method: Any = None) -> None:
        activation = fresh()
        activation.start()
        self.__dict__.setdefault(_OPEN, []).append(activation)
        try:
            _call_with_optional_argument(original_setup, self, method)
        except BaseException:
            _close(self)  # pytest skips teardown_method when setup_method fails
            raise

    def teardown_method(self: Any, method: Any = None) -> None:
        try:
            _call_with_optional_argument(original_teardown, self, method)
        finally:
            _close(self)

    for name, wrapper, original in (
        ("setup_method", setup_method, original_setup),
        ("teardown_method", teardown_method, original_teardown),
    ):
        if original is not None:
            functools.update_wrapper(wrapper, _function_of(original))
        setattr(cls, name, wrapper)


def _call_with_optional_argument(original: Any, instance: Any, method: Any) -> None:
    """Call the user's ``setup_method``/``teardown_method`` as pytest would: with the test
    method if it takes an argument besides ``self``."""
    if original is None:
        return
    bound = original.__get__(instance, type(instance))
    code = getattr(_function_of(original), "__code__", None)
    count = code.co_argcount if code is not None else 0
    if inspect.ismethod(bound):
        count -= 1
    if count > 0:
        bound(method)
    else:
        bound()


def _close(instance: Any) -> None:
    open_activations = instance.__dict__.get(_OPEN)
    if open_activations:
        open_activations.pop().stop()


def _wrap_test(cls: type, name: str, decorate: Callable[[Any], Any]) -> None:
    """Wrap the test method ``name`` (own or inherited) on ``cls``; anything that is not a plain,
    static or class method function (a fixture, a property, a nested class) is left alone."""
    attribute = inspect.getattr_static(cls, name)
    function = _function_of(attribute)
    if not inspect.isfunction(function):
        return
    wrapped = decorate(function)
    if isinstance(attribute, staticmethod):
        wrapped = staticmethod(wrapped)
    elif isinstance(attribute, classmethod):
        wrapped = classmethod(wrapped)
    setattr(cls, name, wrapped)


def _function_of(attribute: Any) -> Any:
    if isinstance(attribute, staticmethod | classmethod):
        return attribute.__func__
    return attribute
