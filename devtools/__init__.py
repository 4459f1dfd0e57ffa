"""Real local services for tests, benchmarks and ``make dev``: never mocks, never orphans.

- :mod:`devtools.processes`: loopback ports, process groups and how to end them.
- :mod:`devtools.redis_server`: a ``redis-server`` subprocess.
- :mod:`devtools.emulators`: the Firestore and Pub/Sub emulators, run by ``gcloud``.
- :mod:`devtools.functions`: one function served by ``functions-framework``.
- :mod:`devtools.stack`: the whole production shape on loopback (``scripts/devstack.py``).

Every service runs in a process group of its own, so whoever started it can end it with
everything it started in turn, and a Ctrl-C in the terminal reaches only the process that
owns the services, which then stops them in order.
"""
