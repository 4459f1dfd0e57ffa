"""ION Mentoring core, vendored into every function: the domain (analysis, safety, routing,
personas, prompts, answers), the services over it (cache, pipeline, conversation, bulk), the
HTTP layer, the adapters (Redis, Firestore, Pub/Sub, Secret Manager, Gemini, Sentry, each
importing its library only when first used) and ``bootstrap``, which wires them together.
The layers and the rules between them are in ``.importlinter`` (README, "Layout").
"""

# The package's version (pyproject.toml reads it from here), so a vendored copy knows it too.
__version__ = "0.1.0"
