"""The industry catalog as data and the rules that turn an industry and answers into a Bundle."""

from desktop_app.catalog.bundle import Bundle, BundleField, BundleMaterial, SelectedPermit, Step
from desktop_app.catalog.errors import ResolveError
from desktop_app.catalog.loader import CatalogError, load_catalog, load_catalog_texts, read_texts
from desktop_app.catalog.model import Catalog, Industry
from desktop_app.catalog.resolve import resolve

__all__ = [
    "Bundle",
    "BundleField",
    "BundleMaterial",
    "Catalog",
    "CatalogError",
    "Industry",
    "ResolveError",
    "SelectedPermit",
    "Step",
    "load_catalog",
    "load_catalog_texts",
    "read_texts",
    "resolve",
]
