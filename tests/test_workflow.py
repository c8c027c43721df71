"""The GitHub workflows, read as a maintainer would: where they run, what they run, what they may do."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github/workflows"
WORKFLOW = WORKFLOWS / "ci.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# What a `run:` step may call: the project's own commands, nothing installed on the side.
PROJECT_COMMAND = re.compile(r"^(bash \.ci/run( deps)?|make [a-z][a-z-]*( [a-z][a-z-]*)*)$")
CONTAINER = re.compile(r"^debian:12\.\d+$")  # Debian 12 at a point release
# Each workflow's jobs and the permissions each may have: nothing else.
PERMISSIONS = {
    "ci.yml": {"test": {"contents": "read"},
               "deploy": {"contents": "read", "pages": "write", "id-token": "write", "attestations": "write"}},
    "upgrade.yml": {"upgrade-test": {"contents": "read"}},
    "audit.yml": {"audit": {"contents": "read"}},
    "review.yml": {"review": {"contents": "read"}},
    "review-comment.yml": {"comment": {"actions": "read", "pull-requests": "write"}},
}
# Jobs that build or test run in the Debian container; the comment job only talks to the API.
NO_CONTAINER = {("review-comment.yml", "comment")}
WEEKLY = re.compile(r"^\d{1,2} \d{1,2} \* \* [0-6]$")  # minute hour * * weekday
ATTEST = "actions/attest-build-provenance"


def problems(workflow: dict, file: str = "ci.yml") -> list[str]:
    """Everything in a parsed workflow that breaks the project's rules, as messages."""
    out = []
    if set(workflow.get("jobs", {})) != set(PERMISSIONS[file]):
        out.append(f"jobs {sorted(workflow.get('jobs', {}))}, expected {sorted(PERMISSIONS[file])}")
    if workflow.get("permissions") != {}:
        out.append(f"top-level permissions: expected {{}}, found {workflow.get('permissions')}")
    for name, job in workflow.get("jobs", {}).items():
        image = (job.get("container") or {}).get("image", "") if isinstance(job.get("container"), dict) else job.get("container")
        if (file, name) not in NO_CONTAINER and not CONTAINER.match(str(image or "")):
            out.append(f"{name}: expected a debian:12.N container, found {image!r}")
        if job.get("permissions") != PERMISSIONS[file].get(name):
            out.append(f"{name}: permissions {job.get('permissions')}, expected {PERMISSIONS[file].get(name)}")
        for i, step in enumerate(job.get("steps", []), 1):
            if "uses" in step and not PINNED.match(step["uses"]):
                out.append(f"{name} step {i}: '{step['uses']}' is not pinned by a commit SHA")
            if "run" in step:
                for line in filter(None, (ln.strip() for ln in step["run"].splitlines())):
                    if not PROJECT_COMMAND.match(line):
                        out.append(f"{name} step {i}: '{line}' is not a project command")
    return out + RULES[file](workflow)


def _runs(workflow: dict) -> list[str]:
    return [ln.strip() for job in workflow.get("jobs", {}).values() for s in job.get("steps", [])
            for ln in str(s.get("run", "")).splitlines() if ln.strip()]


def _triggers(workflow: dict) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1).
    return workflow.get("on", workflow.get(True)) or {}


def ci_rules(workflow: dict) -> list[str]:
    deploy = workflow.get("jobs", {}).get("deploy", {})
    attest = [s for s in deploy.get("steps", []) if str(s.get("uses", "")).startswith(ATTEST + "@")]
    if not any((s.get("with") or {}).get("subject-checksums") == "site/SHA256SUMS" for s in attest):
        return ["deploy: expected an attestation of the files in site/SHA256SUMS"]
    return []


def upgrade_rules(workflow: dict) -> list[str]:
    """Weekly, by schedule only (no push or pull request), running the upgraded suite."""
    on = _triggers(workflow)
    out = []
    crons = [c.get("cron", "") for c in on.get("schedule") or []]
    if not crons or not all(WEEKLY.match(c) for c in crons):
        out.append(f"expected a weekly schedule, found {crons}")
    if set(on) - {"schedule", "workflow_dispatch"}:
        out.append(f"expected to run on its schedule only, found {sorted(set(on) - {'schedule', 'workflow_dispatch'})}")
    if "make upgrade-test" not in _runs(workflow):
        out.append("expected a step that runs make upgrade-test")
    return out


def audit_rules(workflow: dict) -> list[str]:
    """On every pull request and weekly, running the audit."""
    on = _triggers(workflow)
    out = []
    if "pull_request" not in on or not on.get("schedule"):
        out.append(f"expected pull requests and a schedule, found {sorted(map(str, on))}")
    if "make audit" not in _runs(workflow):
        out.append("expected a step that runs make audit")
    return out


def review_rules(workflow: dict) -> list[str]:
    """On pull requests only, read-only, keeping the report and the built site for the comment and the preview."""
    on = _triggers(workflow)
    out = []
    if set(on) != {"pull_request"}:
        out.append(f"expected to run on pull requests only, found {sorted(map(str, on))}")
    if "make review" not in _runs(workflow) or "make build" not in _runs(workflow):
        out.append("expected steps that run make review and make build")
    kept = {(s.get("with") or {}).get("name") for job in workflow.get("jobs", {}).values() for s in job.get("steps", [])
            if str(s.get("uses", "")).startswith("actions/upload-artifact@")}
    if not {"review", "site-preview"} <= kept:
        out.append(f"expected the artifacts review and site-preview, found {sorted(map(str, kept))}")
    return out


def review_comment_rules(workflow: dict) -> list[str]:
    """After a successful Review run of a pull request; never the pull request's code."""
    on = _triggers(workflow)
    out = []
    run = on.get("workflow_run") or {}
    if set(on) != {"workflow_run"} or run.get("workflows") != ["Review"] or run.get("types") != ["completed"]:
        out.append(f"expected workflow_run of Review, completed, only; found {on}")
    for name, job in workflow.get("jobs", {}).items():
        condition = str(job.get("if", ""))
        if "workflow_run.event == 'pull_request'" not in condition or "conclusion == 'success'" not in condition:
            out.append(f"{name}: expected to run only after a successful Review of a pull request")
        for step in job.get("steps", []):
            with_ = step.get("with") or {}
            if str(step.get("uses", "")).startswith("actions/checkout@") and (
                    "ref" in with_ or "repository" in with_ or with_.get("persist-credentials") is not False):
                out.append(f"{name}: a checkout of another ref, or one that keeps its token")
    if "make review-comment" not in _runs(workflow):
        out.append("expected a step that runs make review-comment")
    return out


RULES = {"ci.yml": ci_rules, "upgrade.yml": upgrade_rules, "audit.yml": audit_rules, "review.yml": review_rules,
         "review-comment.yml": review_comment_rules}


def load(file: str = "ci.yml") -> dict:
    return yaml.safe_load((WORKFLOWS / file).read_text("utf-8"))


@pytest.mark.parametrize("file", sorted(PERMISSIONS))
def test_each_workflow_keeps_every_rule(file: str) -> None:
    assert problems(load(file), file) == []


def test_every_workflow_file_has_its_rules() -> None:
    assert {p.name for p in WORKFLOWS.glob("*.y*ml")} == set(PERMISSIONS)


def test_the_workflows_are_valid_against_the_github_workflow_schema() -> None:
    import json
    from importlib import resources

    import jsonschema
    schema = json.loads(resources.files("check_jsonschema.builtin_schemas.vendor").joinpath("github-workflows.json").read_text("utf-8"))

    def errors(workflow: dict) -> list[str]:
        as_written = {("on" if key is True else key): value for key, value in workflow.items()}  # YAML 1.2's `on`
        return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(as_written)]
    for file in PERMISSIONS:
        assert errors(load(file)) == [], file
    broken = load("upgrade.yml")
    broken["jobs"]["upgrade-test"]["timeout-minutes"] = "an hour"
    assert errors(broken)


def _edit(path: list, value, file: str = "ci.yml") -> dict:
    wf = copy.deepcopy(load(file))
    path = [True if key == "on" else key for key in path]  # PyYAML reads `on` as True
    node = wf
    for key in path[:-1]:
        node = node[key]
    if value is None:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return wf


# (what is changed, the workflow as changed, the problems expected); ci.yml unless named
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
    ("upgrade.yml: may push", lambda: _edit(["jobs", "upgrade-test", "permissions"], {"contents": "write"}, "upgrade.yml"),
     ["upgrade-test: permissions {'contents': 'write'}, expected {'contents': 'read'}"]),
    ("upgrade.yml: daily", lambda: _edit(["on", "schedule"], [{"cron": "17 4 * * *"}], "upgrade.yml"),
     ["expected a weekly schedule, found ['17 4 * * *']"]),
    ("upgrade.yml: on every push", lambda: _edit(["on", "push"], {"branches": ["main"]}, "upgrade.yml"),
     ["expected to run on its schedule only, found ['push']"]),
    ("upgrade.yml: commits its lock", lambda: _edit(["jobs", "upgrade-test", "steps", 4, "run"],
                                                    "make upgrade-test\ngit commit -am upgrade", "upgrade.yml"),
     ["upgrade-test step 5: 'git commit -am upgrade' is not a project command"]),
    ("upgrade.yml: no upgraded suite", lambda: _edit(["jobs", "upgrade-test", "steps", 4, "run"], "make test", "upgrade.yml"),
     ["expected a step that runs make upgrade-test"]),
    ("review-comment.yml: checks out the pull request", lambda: _edit(
        ["jobs", "comment", "steps", 0, "with", "ref"], "${{ github.event.workflow_run.head_sha }}", "review-comment.yml"),
     ["comment: a checkout of another ref, or one that keeps its token"]),
    ("review-comment.yml: on pull_request_target", lambda: _edit(["on"], {"pull_request_target": None},
                                                                "review-comment.yml"),
     ["expected workflow_run of Review, completed, only; found {'pull_request_target': None}"]),
    ("review-comment.yml: after a failed review too", lambda: _edit(
        ["jobs", "comment", "if"], "github.event.workflow_run.event == 'pull_request'", "review-comment.yml"),
     ["comment: expected to run only after a successful Review of a pull request"]),
    ("review-comment.yml: may push", lambda: _edit(["jobs", "comment", "permissions", "contents"], "write",
                                                   "review-comment.yml"),
     ["comment: permissions {'actions': 'read', 'pull-requests': 'write', 'contents': 'write'}, expected "
      "{'actions': 'read', 'pull-requests': 'write'}"]),
    ("review.yml: may comment", lambda: _edit(["jobs", "review", "permissions", "pull-requests"], "write", "review.yml"),
     ["review: permissions {'contents': 'read', 'pull-requests': 'write'}, expected {'contents': 'read'}"]),
    ("review.yml: no preview", lambda: _edit(["jobs", "review", "steps", 6], None, "review.yml"),
     ["expected the artifacts review and site-preview, found ['review']"]),
    ("audit.yml: no pull requests", lambda: _edit(["on", "pull_request"], None, "audit.yml"),
     ["expected pull requests and a schedule, found ['push', 'schedule', 'workflow_dispatch']"]),
    ("audit.yml: an extra job", lambda: _edit(["jobs", "fix"], {"runs-on": "ubuntu-24.04", "container": {"image": "debian:12.11"},
                                                                "permissions": {"contents": "read"}, "steps": []}, "audit.yml"),
     ["jobs ['audit', 'fix'], expected ['audit']", "fix: permissions {'contents': 'read'}, expected None"]),
]


@pytest.mark.parametrize("name, change, expected", FAULTS, ids=[f[0] for f in FAULTS])
def test_a_broken_rule_is_named(name: str, change, expected: list[str]) -> None:
    file = name.split(": ", 1)[0] if name.split(": ", 1)[0].endswith(".yml") else "ci.yml"
    assert problems(change(), file) == expected


def test_every_action_carries_its_version_beside_the_sha() -> None:
    lines = [ln for p in WORKFLOWS.glob("*.yml") for ln in p.read_text("utf-8").splitlines() if "uses:" in ln]
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
