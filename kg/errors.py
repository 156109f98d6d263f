"""One small exception tree; each message says what went wrong, the bad value, and the fix.

The CLI catches :class:`ZoneGraphError` and prints its message as one line
(exit code ``exit_code``); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

#: Exit codes of ``kg``: 0 success; 1 bad input, nothing readable, or a --strict build that
#: failed; 2 a bad graph file or query; 3 built, with reports skipped (unreadable, or a stage
#: failed on them: see OUTPUT/build-errors.log); 130 interrupted.
EXIT_OK, EXIT_INPUT, EXIT_GRAPH, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class ZoneGraphError(Exception):
    """Base class of every error a user can cause and fix."""

    exit_code = 1


class InputError(ZoneGraphError):
    """An input path or file cannot be used (missing, unreadable, no documents)."""


class BuildError(ZoneGraphError):
    """A build that cannot finish as asked (a --strict build with a report that failed)."""


class GraphFileError(ZoneGraphError):
    """A graph file is missing or is not valid RDF."""

    exit_code = 2


class QueryError(ZoneGraphError):
    """A SPARQL query cannot be found, parsed or run."""

    exit_code = 2


class QuerySyntaxError(QueryError):
    """A SPARQL query does not parse."""


class UnreadableFile(InputError):
    """One input file cannot be read; the build reports it and goes on with the rest."""
