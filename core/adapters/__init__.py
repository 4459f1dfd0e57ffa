"""Adapters to the outside world: Redis, Firestore, Pub/Sub, Gemini, Secret Manager and Sentry.
Each implements a port owned by the domain, maps its library's errors at this edge, and imports
its client library lazily, so a cold start pays only for the adapters its configuration turns
on."""
