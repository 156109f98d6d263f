"""Parallel maps: the build's tasks on a Dask cluster (``kg build --scheduler tcp://host:8786``) or local processes.

Each report is one task; results come back in input order, so the graph is the one a
single process builds.  At most ``window`` tasks are in flight, so the driver holds a
bounded number of reports and results whatever the corpus size.  A worker that dies
with its task makes that report a failure of the build (listed in build-errors.log),
not the end of the build.  Dask is imported only here, and only when a scheduler is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, Protocol, TypeVar

from kg.errors import InputError

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class Pending(Protocol[R_co]):
    """A result on its way: a Dask or concurrent.futures future, or one already made."""

    def result(self) -> R_co: ...

#: Tasks in flight per worker thread: enough to keep workers busy while results come back in order.
PER_THREAD = 4
CONNECT_TIMEOUT = "10s"


#: Tasks in flight per local process: enough to keep each busy while results come back in order.
PER_PROCESS = 8
#: ``parallel``'s default: no value shared by every task.
NOTHING = object()
_SHARED: object = NOTHING


class Done(Generic[R]):
    """A result already made (a cache hit, or made in this process)."""

    def __init__(self, value: R) -> None:
        self.value = value

    def result(self) -> R:
        return self.value


@contextmanager
def parallel(func: Callable[..., R], jobs: int, scheduler: str | None, on_error: Callable[[Any, BaseException], R],
             shared: object = NOTHING, per_process: int = PER_PROCESS
             ) -> Iterator[tuple[Callable[[Any], Pending[R]], int]]:
    """``(submit, window)``: ``submit(item)`` runs ``func(item)`` (or ``func(item, shared)``) on the Dask
    cluster at ``scheduler``, else in ``jobs`` processes, else here; keep at most ``window`` in flight.
    ``shared`` is sent to each worker once, not with every task; ``on_error`` turns a task the
    cluster lost into a result."""
    if scheduler:
        with submitter(func, scheduler, on_error, shared) as found:
            yield found
    elif jobs <= 1:
        yield (lambda item: Done(func(item) if shared is NOTHING else func(item, shared))), 1
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_share, initargs=(shared,)) as pool:
            yield (lambda item: pool.submit(_call, func, item)), jobs * per_process


def _share(value: object) -> None:
    global _SHARED
    _SHARED = value


def _call(func: Callable[..., R], item: object) -> R:
    return func(item) if _SHARED is NOTHING else func(item, _SHARED)


@contextmanager
def submitter(func: Callable[..., R], scheduler: str, on_error: Callable[[T, BaseException], R],
              shared: object = NOTHING) -> Iterator[tuple[Callable[[T], Pending[R]], int]]:
    """``(submit, window)`` for running ``func`` on the Dask cluster at ``scheduler``.

    ``submit(item)`` returns a pending result whose ``result()`` is ``func(item)`` (``func(item, shared)``
    when ``shared`` is given: it is sent to every worker once), or ``on_error(item, exc)`` when its
    task was lost with its worker (or Dask raised for it); ``window`` is how many to keep in flight
    (``PER_THREAD`` per worker thread).
    """
    client = connect(scheduler)
    try:
        threads = max(1, sum(client.nthreads().values()))
        extra = () if shared is NOTHING else (client.scatter(shared, broadcast=True),)
        yield (lambda item: _Task(item, client.submit(func, item, *extra, pure=False), on_error)), threads * PER_THREAD
    finally:
        client.close()


def connect(scheduler: str):  # type: ignore[no-untyped-def]
    """A client of the scheduler, or a one-line error saying how to start one."""
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise InputError("--scheduler needs Dask: pip install 'zonegraph[distributed]' "
                         "(or pip install 'dask[distributed]')") from exc
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler!r} ({type(exc).__name__}: {exc}); "
                         "start one with 'dask scheduler' and workers with 'dask worker ADDRESS'") from exc


class _Task(Generic[T, R]):
    """A task on the cluster, its result read once (then released)."""

    def __init__(self, item: T, future, on_error: Callable[[T, BaseException], R]) -> None:  # type: ignore[no-untyped-def]
        self.item, self.future, self.on_error = item, future, on_error

    def result(self) -> R:
        try:
            return self.future.result()  # type: ignore[no-any-return]
        except Exception as exc:  # a KilledWorker, a lost connection, an error Dask raised for the task
            return self.on_error(self.item, exc)
        finally:
            self.future.release()
