"""ION Mentoring core: analysis, routing, personas, prompts and answers, with no I/O.

Adapters for Redis, Firestore, Pub/Sub, Secret Manager, Gemini and Sentry live outside the
pure modules and are wired in one place; nothing here imports them.
"""
