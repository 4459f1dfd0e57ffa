"""Real local services for tests, benchmarks and ``make dev``: never mocks, never orphans.

- :mod:`devtools.processes`: loopback ports, process groups and how to end them.
- :mod:`devtools.redis_server`: a ``redis-server`` subprocess.
- :mod:`devtools.emulators`: the Firestore and Pub/Sub emulators, run by ``gcloud``.
- :mod:`devtools.functions`: one function served by ``functions-framework``.
- :mod:`devtools.stack`: the whole production shape on loopback (``scripts/devstack.py``).
- :mod:`devtools.fake_gemini`, :mod:`devtools.fake_secret_manager`: for the two services that have
  no emulator, loopback HTTP servers (threads, not processes) speaking the REST calls ION makes,
  so the real client libraries can be tested (:mod:`devtools.fake_service`).

Every service process runs in a process group of its own, so whoever started it can end it with
everything it started in turn, and a Ctrl-C in the terminal reaches only the process that
owns the services, which then stops them in order.
"""
