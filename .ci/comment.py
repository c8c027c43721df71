"""Post a pull request's review (``make review``) as its one review comment, or update that comment.

Run by ``.github/workflows/review-comment.yml`` after the Review workflow,
with the folder that workflow uploaded: ``review.md`` and ``pr-number``.
Both come from a pull request, possibly from a fork, so they are data:

* the number must be digits, and the pull request it names must have the
  head commit the Review run was for (``HEAD_SHA``), or nothing is posted;
* the report must start with the review marker; it is cut to what a comment
  can hold;
* the comment to update is the one the workflow's own account wrote that
  starts with the marker; there is one per pull request.

The standard library only: ``python3 .ci/comment.py FOLDER``. Environment:
``GITHUB_TOKEN``, ``GITHUB_REPOSITORY``, ``HEAD_SHA`` and ``GITHUB_API_URL``
(default https://api.github.com).
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.request
from pathlib import Path

MARKER = "<!-- memorandum-review -->"
LIMIT = 65_000  # GitHub refuses a comment body over 65,536 characters
BOT = "github-actions[bot]"
NOTE = "\n\n… (cut: the whole review is in the workflow run's summary)\n"


class Refused(Exception):
    pass


def api(method: str, url: str, token: str, body: dict | None = None) -> object:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode("utf-8") or "null")


def body_of(folder: Path) -> tuple[int, str]:
    """The pull request's number and the comment's body, from the uploaded folder."""
    raw = (folder / "pr-number").read_text("utf-8", errors="replace").strip()
    if not re.fullmatch(r"[1-9][0-9]{0,9}", raw):
        raise Refused(f"pr-number {raw[:20]!r}: expected a pull request number")
    text = (folder / "review.md").read_text("utf-8", errors="replace")
    if not text.startswith(MARKER):
        raise Refused("review.md does not start with the review marker")
    if len(text) > LIMIT:
        text = text[:LIMIT - len(NOTE)] + NOTE
    return int(raw), text


def post(folder: Path, env: dict[str, str]) -> str:
    """Create or update the comment; what was done, as a line."""
    number, text = body_of(folder)
    base = env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    repo, token, head = env["GITHUB_REPOSITORY"], env["GITHUB_TOKEN"], env["HEAD_SHA"]
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repo) or not re.fullmatch(r"[0-9a-f]{40}", head):
        raise Refused("GITHUB_REPOSITORY or HEAD_SHA is malformed")
    pull = api("GET", f"{base}/repos/{repo}/pulls/{number}", token)
    if not isinstance(pull, dict) or (pull.get("head") or {}).get("sha") != head:
        raise Refused(f"pull request #{number} is not at {head}: the review belongs to another commit")
    ours = None
    for page in range(1, 21):
        comments = api("GET", f"{base}/repos/{repo}/issues/{number}/comments?per_page=100&page={page}", token)
        if not isinstance(comments, list) or not comments:
            break
        ours = next((c for c in comments if (c.get("user") or {}).get("login") == BOT
                     and str(c.get("body", "")).startswith(MARKER)), None)
        if ours is not None:
            break
    if ours is None:
        api("POST", f"{base}/repos/{repo}/issues/{number}/comments", token, {"body": text})
        return f"posted the review on #{number}"
    api("PATCH", f"{base}/repos/{repo}/issues/comments/{int(ours['id'])}", token, {"body": text})
    return f"updated the review comment on #{number}"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python3 .ci/comment.py FOLDER", file=sys.stderr)
        return 2
    try:
        print(post(Path(argv[1]), dict(os.environ)))
    except (Refused, OSError, KeyError, ValueError) as exc:
        print(f"comment: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
