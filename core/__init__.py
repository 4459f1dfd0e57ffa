"""ION Mentoring core, vendored into every function: the domain (analysis, safety, routing,
personas, prompts, answers), the services over it (cache, pipeline, conversation, bulk), the
HTTP layer, the adapters (Redis, Firestore, Pub/Sub, Secret Manager, Gemini, Sentry, each
importing its library only when first used) and ``bootstrap``, which wires them together.
"""
