"""The architecture, checked: dependencies run one way (cli -> ingest -> extract, enrich ->
record, text; the plugin -> record), no import cycle even through imports inside functions,
and the build's command imports no NLP."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT

PACKAGE, PLUGIN = PROJECT / "briefing", PROJECT / "plugins" / "briefing"
# What each part may import of briefing (the plugin is "plugin"; the rest are module names).
LOWER = {"text", "errors", "files", "config", "paths", "lexicon", "aliases", "record", "report", "contentfile", "store",
         "manifest", "person_names",
         "lock", "data", "sections", "tables", "forking"}
ALLOWED = {
    "extract": LOWER | {"extract"},
    "enrich": LOWER | {"enrich"},
    "ingest": LOWER | {"extract", "enrich", "sources", "stories", "analyst"},
    "analyst": LOWER | {"enrich"},  # a small run's NLP in a forked process
    "warm": LOWER | {"ingest", "extract", "enrich"},  # ingest's workers' server preloads what they run
    "stories": LOWER,
    "sources": LOWER | {"extract", "sources"},  # feeds and pages in, raw files out: no NLP
    "check": LOWER, "site": LOWER | {"search_index"}, "search_index": LOWER, "scaffold": LOWER, "serve": LOWER | {"site"},
    "plugin": LOWER | {"plugin"},
    "__init__": LOWER | {"plugin"},  # the bridge for an editable install's `PLUGINS = ["briefing"]`
    "cli": LOWER | {"ingest", "check", "site", "scaffold", "serve", "sources"},
    "__main__": {"cli"},
}


def module_name(path: Path) -> str:
    if path.is_relative_to(PLUGIN):
        return "pelican.plugins.briefing." + ".".join(path.relative_to(PLUGIN).with_suffix("").parts)
    return "briefing." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def part(module: str) -> str:
    """The part a module belongs to: "plugin", "__init__" (the package itself) or briefing's
    first-level name ("extract" for briefing.extract.html)."""
    if module.startswith("pelican.plugins.briefing"):
        return "plugin"
    return module.split(".")[1] if "." in module else "__init__"


def imports() -> dict[str, set[str]]:
    """Every briefing or plugin module -> the briefing and plugin modules it imports, anywhere
    in it (inside functions too)."""
    paths = [*PACKAGE.rglob("*.py"), *PLUGIN.rglob("*.py")]
    modules = {module_name(path).removesuffix(".__init__") for path in paths}
    graph: dict[str, set[str]] = {}
    for path in paths:
        name = module_name(path).removesuffix(".__init__")
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from .settings import x
                    parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                submodules = {f"{base}.{alias.name}" for alias in node.names} & modules  # from briefing import ingest
                found |= submodules or {base}
        graph[name] = {m for m in found if m.split(".")[0] == "briefing" or m.startswith("pelican.plugins.briefing")}
    return graph


def test_dependencies_run_one_way():
    """Extraction and enrichment never import each other nor ingest; the lower modules import
    no layer; the plugin reads records and never reaches ingest, extraction or enrichment."""
    wrong = [f"{module} imports {target}" for module, targets in imports().items() for target in targets
             if part(target) != part(module) and part(target) not in ALLOWED.get(part(module), LOWER)]
    assert not wrong


def test_no_import_cycle():
    graph = imports()
    resolved = {m: {t if t in graph else t.rpartition(".")[0] for t in targets} for m, targets in graph.items()}
    visiting, done, cycles = set(), set(), []

    def visit(module: str, trail: list[str]) -> None:
        if module in visiting:
            cycles.append(" -> ".join(trail[trail.index(module):] + [module]))
            return
        if module in done or module not in resolved:
            return
        visiting.add(module)
        for target in sorted(resolved[module]):
            visit(target, trail + [module])
        visiting.discard(module)
        done.add(module)

    for module in sorted(resolved):
        visit(module, [])
    assert not cycles


def test_the_build_side_imports_no_nlp_and_no_date_parser():
    """`briefing build --help`, and everything a build imports (site, the plugin, its reader),
    without spaCy, trafilatura, dateparser or the ingest layer (a real build is checked by
    tests/real/test_wheel.py)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefing", "build", "--help"],
                            cwd=PROJECT, capture_output=True, text=True, check=True)
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "briefing.cli" in imported  # the probe works
    heavy = {"spacy", "dateparser", "trafilatura", "briefing.ingest"}
    assert not heavy & imported
    probe = ("import sys, briefing.site, briefing.check, pelican.plugins.briefing;"
             "print(' '.join(sorted(sys.modules)))")
    loaded = set(subprocess.run([sys.executable, "-c", probe], cwd=PROJECT, capture_output=True, text=True,
                                check=True).stdout.split())
    assert "pelican.plugins.briefing.records" in loaded and not heavy & loaded


def test_lemmas_are_read_through_nlp_lemma():
    """The lemmatizer does not run over whole documents (briefing/enrich/nlp.py makes a lemma on
    first use): `token.lemma_` read anywhere else is empty for most tokens, silently."""
    readers = []
    for path in sorted([*PACKAGE.rglob("*.py"), *PLUGIN.rglob("*.py")]):
        if path == PACKAGE / "enrich" / "nlp.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "lemma_" and isinstance(node.ctx, ast.Load):
                readers.append(f"{path.relative_to(PROJECT)}:{node.lineno}")
    assert readers == []
