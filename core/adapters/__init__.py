"""Adapters to the outside world (Redis, and later Firestore, Pub/Sub, Secret Manager, Gemini,
Sentry). Each implements a port owned by the domain and imports its client library lazily, so
a cold start pays only for the adapters its configuration turns on."""
