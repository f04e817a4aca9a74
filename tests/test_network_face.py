"""lib.network's face reads its names lazily: the lists it keeps must agree, and every name resolve."""

import ast
import importlib

from lib import network
from tests.conftest import ROOT


def test_the_lazy_face_lists_each_name_once_and_every_name_resolves_to_its_module():
    tree = ast.parse((ROOT / "lib" / "network" / "__init__.py").read_text())
    checked = next(node for node in tree.body if isinstance(node, ast.If))  # if TYPE_CHECKING:
    imported = {
        node.module.rsplit(".", 1)[1]: tuple(alias.name for alias in node.names)
        for node in checked.body
        if isinstance(node, ast.ImportFrom)
    }
    assert imported == network._SOURCES
    assert sorted(network.__all__) == sorted(network._MODULE_OF)
    for name, module in network._MODULE_OF.items():
        assert getattr(network, name) is getattr(importlib.import_module(f"lib.network.{module}"), name)
