"""The method package stays plain Python: no Django, no other part of Balint Room."""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import balintroom.method
from balintroom.method.text import _

SRC = Path(__file__).resolve().parents[2] / "src"


def method_modules() -> list[str]:
    infos = pkgutil.iter_modules(balintroom.method.__path__)
    return sorted(f"balintroom.method.{info.name}" for info in infos)


def test_it_finds_all_the_method_modules():
    assert set(method_modules()) >= {
        "balintroom.method.formats",
        "balintroom.method.guidance",
        "balintroom.method.roles",
        "balintroom.method.round",
        "balintroom.method.text",
        "balintroom.method.timer",
    }


def test_it_imports_every_method_module_without_django():
    modules = ["balintroom.method", *method_modules()]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=SRC,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert set(modules) <= loaded
    assert "django" not in loaded
    assert not {name for name in loaded if name.startswith("django.")}
    others = {
        name
        for name in loaded
        if name.startswith("balintroom.") and not name.startswith("balintroom.method")
    }
    assert not others, f"method imports other parts of Balint Room: {sorted(others)}"


def test_it_marks_texts_for_translation_without_changing_them():
    assert _("Group exploration") == "Group exploration"
    assert _("") == ""
