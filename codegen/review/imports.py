"""Changes to the package as a whole: its import paths and the client's settings.

Every public import path is part of the surface: `from <package>.<module> import <name>` for
each name each public module offers (`Surface.exports`), and `import <package>.<module>` for
each public module. Losing one is breaking:

- a module gone whose names live on elsewhere: `module-removed`, naming where they went;
- a name gone from a module that still exists, while the same thing is still importable
  elsewhere: `import-moved` (or `import-renamed` when its name changed);
- a name that now gives a different thing: `import-changed`;
- a name gone with nothing left to import: `import-removed`, except when the thing itself is
  gone and already reported (a type, a method's parameters, a resource).

New import paths are not listed (the new types, methods and resources are). A renamed package
is one change. Client settings (`Surface.settings`): a renamed distribution or environment
variable is breaking; a new default base URL or idempotency header is `unknown` (whether the
server behind it behaves the same cannot be told from the spec).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .changes import Change, Level, Log, code
from .surface import SETTINGS, Export, Surface

__all__ = ["compare_package"]

_REPORTED_ELSEWHERE = ("type:", "params:", "resource:")
_SETTING_LEVELS: dict[str, Level] = {
    "distribution": "breaking",
    "env_api_key": "breaking",
    "env_base_url": "breaking",
    "env_log": "breaking",
    "base_url": "unknown",
    "idempotency_header": "unknown",
}
_SETTING_WHY = {
    "distribution": "requirements naming the old distribution no longer get new versions",
    "env_api_key": "a client created without `api_key=` no longer finds the key where it is set",
    "env_base_url": "the old variable is ignored",
    "env_log": "the old variable is ignored",
    "base_url": "clients without `base_url=` call another server; whether it serves the same "
    "API cannot be told from the spec",
    "idempotency_header": "retried requests carry their key under another header; whether the "
    "server honours it cannot be told from the spec",
}


def _path(package: str, module: str) -> str:
    return f"{package}.{module}" if module else package


def compare_package(old: Surface, new: Surface) -> Iterable[Change]:
    """Import paths and client settings, from `old` to `new`."""
    yield from _settings(old, new)
    if old.package != new.package:
        log = Log(old.package, "")
        why = f"every `import {old.package}` and `from {old.package} import ...` breaks"
        log.add(
            "package-renamed",
            "breaking",
            f"the package is now {code(new.package)}: {why}",
            None,
            old.package,
            new.package,
        )
        yield from log.changes
        return
    yield from _imports(old, new)


def _settings(old: Surface, new: Surface) -> Iterable[Change]:
    for key, what in SETTINGS.items():
        before, after = old.settings.get(key, ""), new.settings.get(key, "")
        if before == after or not old.settings or not new.settings:
            continue
        log = Log(f"{new.package} settings", "")
        reason = f"{what} is now {code(after or None)}: {_SETTING_WHY[key]}"
        log.add("setting-changed", _SETTING_LEVELS[key], reason, key, before or None, after or None)
        yield from log.changes


def _imports(old: Surface, new: Surface) -> Iterable[Change]:
    package = new.package
    new_at = {(e.module, e.name): e.target for e in new.exports}
    homes: dict[str, list[Export]] = defaultdict(list)
    for export in new.exports:
        homes[export.target].append(export)
    by_module: dict[str, list[Export]] = defaultdict(list)
    for export in old.exports:
        by_module[export.module].append(export)
    new_modules = set(new.modules)
    for module in old.modules:
        exports = by_module.get(module, [])
        if module not in new_modules:
            yield from _module_removed(package, module, exports, homes)
            continue
        log = Log(_path(package, module), "")
        for export in exports:
            now = new_at.get((export.module, export.name))
            if now == export.target:
                continue
            _name_gone(log, package, export, now, homes)
        yield from log.changes


def _statement(package: str, export: Export) -> str:
    return f"from {_path(package, export.module)} import {export.name}"


def _module_removed(
    package: str, module: str, exports: list[Export], homes: dict[str, list[Export]]
) -> Iterable[Change]:
    """One change for a module that is gone, unless everything in it is gone (reported)."""
    surviving = [e for e in exports if homes.get(e.target)]
    lost = [
        e
        for e in exports
        if not homes.get(e.target) and not e.target.startswith(_REPORTED_ELSEWHERE)
    ]
    if exports and not surviving and not lost:
        return
    log = Log(_path(package, module), "")
    reason = f"`import {_path(package, module)}` and imports from it raise ImportError"
    if surviving:
        moves = sorted(
            {f"{e.name} → {_path(package, _best(homes[e.target]).module)}" for e in surviving}
        )
        reason += f"; import from the new places: {', '.join(moves)}"
    log.add("module-removed", "breaking", reason, None, _path(package, module), None)
    yield from log.changes


def _best(exports: list[Export]) -> Export:
    """Where to import a thing from now: the shortest module path (the most public place)."""
    return min(exports, key=lambda e: (e.module.count("."), len(e.module), e.module, e.name))


def _name_gone(
    log: Log, package: str, export: Export, now: str | None, homes: dict[str, list[Export]]
) -> None:
    statement = code(_statement(package, export))
    if now is not None:
        reason = f"{statement} now gives another object ({now}, was {export.target})"
        log.add("import-changed", "breaking", reason, export.name, export.target, now)
        return
    places = homes.get(export.target)
    if places:
        best = _best(places)
        if best.name == export.name:
            reason = f"{statement} raises ImportError: import it from {code(_path(package, best.module))}"
            log.add(
                "import-moved",
                "breaking",
                reason,
                export.name,
                _statement(package, export),
                _statement(package, best),
            )
        else:
            reason = f"{statement} raises ImportError: it is now {code(_statement(package, best))}"
            log.add(
                "import-renamed",
                "breaking",
                reason,
                export.name,
                _statement(package, export),
                _statement(package, best),
            )
        return
    if export.target.startswith(_REPORTED_ELSEWHERE):
        return  # the type, method or resource itself is gone, and reported as such
    reason = f"{statement} raises ImportError: {export.name} no longer exists"
    log.add("import-removed", "breaking", reason, export.name, _statement(package, export), None)
