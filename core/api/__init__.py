"""The HTTP edge shared by the functions: request/response schemas and the request plumbing."""
