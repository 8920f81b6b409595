"""jdhotline: which JD.com customer-service hotline to call, when, and what to have ready."""

__version__ = "0.1.0"
