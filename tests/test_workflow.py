"""The CI workflow, read as a maintainer would: where it runs, what it runs, what it may do."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/ci.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# What a `run:` step may call: the project's own commands, nothing installed on the side.
PROJECT_COMMAND = re.compile(r"^(bash \.ci/run( deps)?|make [a-z][a-z-]*( [a-z][a-z-]*)*)$")
CONTAINER = re.compile(r"^debian:12\.\d+$")  # Debian 12 at a point release
PERMISSIONS = {
    "test": {"contents": "read"},
    "deploy": {"contents": "read", "pages": "write", "id-token": "write", "attestations": "write"},
}
ATTEST = "actions/attest-build-provenance"


def problems(workflow: dict) -> list[str]:
    """Everything in a parsed workflow that breaks the project's rules, as messages."""
    out = []
    if workflow.get("permissions") != {}:
        out.append(f"top-level permissions: expected {{}}, found {workflow.get('permissions')}")
    for name, job in workflow.get("jobs", {}).items():
        image = (job.get("container") or {}).get("image", "") if isinstance(job.get("container"), dict) else job.get("container")
        if not CONTAINER.match(str(image or "")):
            out.append(f"{name}: expected a debian:12.N container, found {image!r}")
        if job.get("permissions") != PERMISSIONS.get(name):
            out.append(f"{name}: permissions {job.get('permissions')}, expected {PERMISSIONS.get(name)}")
        for i, step in enumerate(job.get("steps", []), 1):
            if "uses" in step and not PINNED.match(step["uses"]):
                out.append(f"{name} step {i}: '{step['uses']}' is not pinned by a commit SHA")
            if "run" in step:
                for line in filter(None, (ln.strip() for ln in step["run"].splitlines())):
                    if not PROJECT_COMMAND.match(line):
                        out.append(f"{name} step {i}: '{line}' is not a project command")
    deploy = workflow.get("jobs", {}).get("deploy", {})
    attest = [s for s in deploy.get("steps", []) if str(s.get("uses", "")).startswith(ATTEST + "@")]
    if not any((s.get("with") or {}).get("subject-checksums") == "site/SHA256SUMS" for s in attest):
        out.append("deploy: expected an attestation of the files in site/SHA256SUMS")
    return out


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def test_the_workflow_keeps_every_rule() -> None:
    assert problems(load()) == []


def _edit(path: list, value) -> dict:
    wf = copy.deepcopy(load())
    node = wf
    for key in path[:-1]:
        node = node[key]
    if value is None:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return wf


# (what is changed, the workflow as changed, the problems expected)
FAULTS = [
    ("runner's system Python", lambda: _edit(["jobs", "test", "steps", 4, "run"], 'python3 -m pip install "PyYAML==6.0.4"'),
     ["test step 5: 'python3 -m pip install \"PyYAML==6.0.4\"' is not a project command"]),
    ("no container", lambda: _edit(["jobs", "test", "container"], None),
     ["test: expected a debian:12.N container, found None"]),
    ("a floating image", lambda: _edit(["jobs", "deploy", "container"], {"image": "debian:bookworm"}),
     ["deploy: expected a debian:12.N container, found 'debian:bookworm'"]),
    ("an action by tag", lambda: _edit(["jobs", "test", "steps", 0, "uses"], "actions/checkout@v4"),
     ["test step 1: 'actions/checkout@v4' is not pinned by a commit SHA"]),
    ("write-all", lambda: _edit(["permissions"], "write-all"),
     ["top-level permissions: expected {}, found write-all"]),
    ("more than the job needs", lambda: _edit(["jobs", "test", "permissions"], {"contents": "write"}),
     ["test: permissions {'contents': 'write'}, expected {'contents': 'read'}"]),
    ("no attestation", lambda: _edit(["jobs", "deploy", "steps"],
                                     [s for s in load()["jobs"]["deploy"]["steps"] if ATTEST not in str(s.get("uses"))]),
     ["deploy: expected an attestation of the files in site/SHA256SUMS"]),
    ("sudo", lambda: _edit(["jobs", "test", "steps", 5, "run"], "sudo bash .ci/run"),
     ["test step 6: 'sudo bash .ci/run' is not a project command"]),
]


@pytest.mark.parametrize("name, change, expected", FAULTS, ids=[f[0] for f in FAULTS])
def test_a_broken_rule_is_named(name: str, change, expected: list[str]) -> None:
    assert problems(change()) == expected


def test_every_action_carries_its_version_beside_the_sha() -> None:
    lines = [ln for ln in WORKFLOW.read_text("utf-8").splitlines() if "uses:" in ln]
    assert lines and all(re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", ln) for ln in lines), lines


def test_zizmor_runs_in_make_test_and_pre_commit() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    test_recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "zizmor --offline" in test_recipe and ".github/workflows" in test_recipe
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    entries = [h["entry"] for repo in hooks["repos"] for h in repo["hooks"] if "entry" in h]
    assert any("zizmor" in e for e in entries)


def _zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("zizmor", path=str(Path(ROOT / ".venv/bin"))) or "zizmor"
    return subprocess.run([exe, "--offline", "--no-progress", str(folder)], capture_output=True, text=True, timeout=120)


def test_zizmor_finds_nothing_in_the_workflow() -> None:
    result = _zizmor(ROOT / ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_zizmor_rejects_an_injectable_unpinned_workflow(tmp_path: Path) -> None:
    bad = WORKFLOW.read_text("utf-8").replace(
        "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "actions/checkout@v4", 1).replace(
        "run: make annotations", 'run: echo "${{ github.event.pull_request.title }}"', 1)
    folder = tmp_path / ".github/workflows"
    folder.mkdir(parents=True)
    (folder / "ci.yml").write_text(bad, "utf-8")
    result = _zizmor(folder)
    assert result.returncode != 0
    assert "template-injection" in result.stdout and "unpinned-uses" in result.stdout
