"""The per-report stage as tasks on a Dask cluster (``kg build --scheduler tcp://host:8786``).

Each report is one task; results come back in input order, so the graph is the one a
single process builds.  At most ``window`` tasks are in flight, so the driver holds a
bounded number of reports and results whatever the corpus size.  A worker that dies
with its task makes that report a failure of the build (listed in build-errors.log),
not the end of the build.  Dask is imported only here, and only when a scheduler is given.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from kg.errors import InputError

T = TypeVar("T")
R = TypeVar("R")
#: Tasks in flight per worker thread: enough to keep workers busy while results come back in order.
PER_THREAD = 4
CONNECT_TIMEOUT = "10s"


def map_on_cluster(func: Callable[[T], R], items: Iterable[T], scheduler: str,
                   on_error: Callable[[T, BaseException], R]) -> Iterator[R]:
    """``func`` over ``items`` on the Dask cluster at ``scheduler``, results in input order.

    ``on_error`` turns a task lost with its worker (or any error Dask raises for it) into a result.
    """
    client = connect(scheduler)
    try:
        threads = max(1, sum(client.nthreads().values()))
        yield from _ordered(client, func, items, threads * PER_THREAD, on_error)
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


def _ordered(client, func: Callable[[T], R], items: Iterable[T], window: int,  # type: ignore[no-untyped-def]
             on_error: Callable[[T, BaseException], R]) -> Iterator[R]:
    """Submit tasks with at most ``window`` in flight; yield their results in submission order."""
    pending: deque = deque()
    for item in items:
        pending.append((item, client.submit(func, item, pure=False)))
        if len(pending) >= window:
            yield _result(*pending.popleft(), on_error)
    while pending:
        yield _result(*pending.popleft(), on_error)


def _result(item: T, future, on_error: Callable[[T, BaseException], R]) -> R:  # type: ignore[no-untyped-def]
    try:
        return future.result()  # type: ignore[no-any-return]
    except Exception as exc:  # a KilledWorker, a lost connection, an error Dask raised for the task
        return on_error(item, exc)
    finally:
        future.release()
