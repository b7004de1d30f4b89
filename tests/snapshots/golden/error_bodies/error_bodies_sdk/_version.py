"""The version of this package."""

__all__ = ["__title__", "__version__"]

__title__ = "error_bodies_sdk"
__version__ = "0.1.0"
