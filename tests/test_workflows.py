"""What the GitHub workflows in `.github/workflows/` promise, pinned.

- The token is read-only by default; only the job that runs `actions/deploy-pages` may
  write, and only to `pages` and `id-token`.
- Every action is pinned to a full commit SHA with its release in a comment.
- No `pull_request_target` (it runs fork code with a write token and secrets).
- Deploys queue instead of racing, run on push to main and every hour (so that items
  whose Sperrfrist has ended appear without a new commit), with the Pages address.
- The deploy build keeps the build cache `.cache/` between runs (actions/cache, restored
  before `make site`, a new cache saved per run); no workflow ever caches `site/`.
- Pull requests get: the validator with annotations on the changed files, `make test`
  with Debian's chromium, and the built site as a downloadable artifact.

Each rule is a function that returns the problems it finds in one workflow file. The
tests run every rule on the real files (no problems) and on a small bad example (the
problem is found), so that no rule can pass by finding nothing at all.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS_DIR = Path(__file__).resolve().parents[1] / ".github" / "workflows"
PR_WORKFLOW = WORKFLOWS_DIR / "pr.yml"
DEPLOY_WORKFLOW = WORKFLOWS_DIR / "deploy.yml"

FULL_SHA_REF = re.compile(r"^[\w.-]+/[\w.-]+(?:/[^@\s]+)?@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)[ \t]*(?:#[ \t]*(?P<comment>.*))?$")
RELEASE_COMMENT = re.compile(r"^v\d+\.\d+\.\d+\b")
RUNS_AFTER_FAILURE = re.compile(r"always\(\)|!\s*cancelled\(\)|failure\(\)")
READ_ONLY_LEVELS = {"read", "none"}
DEPLOY_WRITE_SCOPES = {"pages", "id-token"}


@dataclass(frozen=True)
class WorkflowFile:
    name: str
    text: str
    data: dict[str, Any]


def parse_workflow(text: str, name: str = "<example>") -> WorkflowFile:
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: a workflow must be a YAML mapping")
    # PyYAML follows YAML 1.1, where the bare key `on` is the boolean true.
    if True in data:
        data["on"] = data.pop(True)
    return WorkflowFile(name=name, text=text, data=data)


def load_workflow(path: Path) -> WorkflowFile:
    return parse_workflow(path.read_text(encoding="utf-8"), name=path.name)


def workflow_paths() -> list[Path]:
    return sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])


# --- accessors ------------------------------------------------------------------------


def triggers(wf: WorkflowFile) -> dict[str, Any]:
    on = wf.data.get("on")
    if isinstance(on, str):
        return {on: {}}
    if isinstance(on, list):
        return {str(event): {} for event in on}
    if isinstance(on, dict):
        return {str(event): config or {} for event, config in on.items()}
    return {}


def jobs(wf: WorkflowFile) -> dict[str, dict[str, Any]]:
    return dict(wf.data.get("jobs") or {})


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job.get("steps") or [])


def all_uses(wf: WorkflowFile) -> Iterator[tuple[str, str]]:
    """(job id, reference) for every action step and every reusable-workflow call."""
    for job_id, job in jobs(wf).items():
        if "uses" in job:
            yield job_id, str(job["uses"])
        for step in steps(job):
            if "uses" in step:
                yield job_id, str(step["uses"])


def uses_action(step: dict[str, Any], action: str) -> bool:
    return str(step.get("uses", "")).split("@")[0] == action


def run_text(step: dict[str, Any]) -> str:
    return str(step.get("run", ""))


def runs_in_job(job: dict[str, Any], needle: str) -> int | None:
    """Index of the first step whose `run` script contains `needle`."""
    for index, step in enumerate(steps(job)):
        if needle in run_text(step):
            return index
    return None


# --- rules: each returns the problems it finds --------------------------------------


def read_only_default_problems(wf: WorkflowFile) -> list[str]:
    perms = wf.data.get("permissions")
    if perms is None:
        return ["no top-level `permissions`: jobs get the repository's default token"]
    if not isinstance(perms, dict):
        return [f"top-level `permissions: {perms}` is not a list of read-only scopes"]
    return [
        f"top-level permission `{scope}: {level}` is not read-only"
        for scope, level in perms.items()
        if level not in READ_ONLY_LEVELS
    ]


def write_permission_problems(wf: WorkflowFile) -> list[str]:
    problems = []
    for job_id, job in jobs(wf).items():
        perms = job.get("permissions")
        if perms is None:
            continue  # inherits the top-level default (see read_only_default_problems)
        if not isinstance(perms, dict):
            if "write" in str(perms):
                problems.append(f"job `{job_id}` has `permissions: {perms}`")
            continue
        writes = {scope for scope, level in perms.items() if level == "write"}
        if not writes:
            continue
        deploys = any(uses_action(step, "actions/deploy-pages") for step in steps(job))
        if not deploys:
            problems.append(f"job `{job_id}` does not deploy Pages but may write {sorted(writes)}")
        elif writes - DEPLOY_WRITE_SCOPES:
            extra = sorted(writes - DEPLOY_WRITE_SCOPES)
            problems.append(f"deploy job `{job_id}` may write more than pages/id-token: {extra}")
    return problems


def unpinned_action_problems(wf: WorkflowFile) -> list[str]:
    problems = []
    for job_id, ref in all_uses(wf):
        if ref.startswith("./"):
            continue  # an action from this repository, at the same commit
        if ref.startswith("docker://"):
            if "@sha256:" not in ref:
                problems.append(f"job `{job_id}`: image `{ref}` is not pinned to a digest")
        elif not FULL_SHA_REF.match(ref):
            problems.append(f"job `{job_id}`: `{ref}` is not pinned to a full commit SHA")
    return problems


def release_comment_problems(wf: WorkflowFile) -> list[str]:
    problems = []
    for number, line in enumerate(wf.text.splitlines(), start=1):
        match = USES_LINE.match(line)
        if not match or match["ref"].startswith("./"):
            continue
        if not RELEASE_COMMENT.match(match["comment"] or ""):
            problems.append(f"line {number}: `{match['ref']}` has no `# vX.Y.Z` comment")
    return problems


def pull_request_target_problems(wf: WorkflowFile) -> list[str]:
    if "pull_request_target" in triggers(wf):
        return ["runs on `pull_request_target`: fork code would run with a write token"]
    return []


def checkout_credential_problems(wf: WorkflowFile) -> list[str]:
    return [
        f"job `{job_id}`: checkout leaves the token in .git/config"
        for job_id, job in jobs(wf).items()
        for step in steps(job)
        if uses_action(step, "actions/checkout")
        and (step.get("with") or {}).get("persist-credentials") is not False
    ]


def timeout_problems(wf: WorkflowFile) -> list[str]:
    return [
        f"job `{job_id}` has no `timeout-minutes` (the default is 6 hours)"
        for job_id, job in jobs(wf).items()
        if "uses" not in job and not isinstance(job.get("timeout-minutes"), int)
    ]


def deploy_concurrency_problems(wf: WorkflowFile) -> list[str]:
    concurrency = wf.data.get("concurrency")
    if isinstance(concurrency, str) and concurrency:
        return []  # a bare group name queues (cancel-in-progress defaults to false)
    if not isinstance(concurrency, dict) or not concurrency.get("group"):
        return ["no top-level `concurrency` group: two deploys could race"]
    if concurrency.get("cancel-in-progress") is not False:
        return ["`cancel-in-progress` must be false: a deploy must not be cut off halfway"]
    return []


def deploy_trigger_problems(wf: WorkflowFile) -> list[str]:
    on = triggers(wf)
    problems = []
    if "main" not in ((on.get("push") or {}).get("branches") or []):
        problems.append("does not run on push to `main`")
    crons = [str(entry.get("cron", "")) for entry in on.get("schedule") or []]
    if not crons:
        problems.append("no `schedule`: items whose Sperrfrist ended wait for the next commit")
    for cron in crons:
        fields = cron.split()
        if len(fields) != 5 or fields[1] not in ("*", "*/1") or set(fields[2:]) != {"*"}:
            problems.append(f"schedule `{cron}` does not run at least every hour")
    if "workflow_dispatch" not in on:
        problems.append("no `workflow_dispatch`: nobody can publish right after an embargo")
    return problems


def deploy_pages_problems(wf: WorkflowFile) -> list[str]:
    problems = []
    build_jobs = [
        job
        for job in jobs(wf).values()
        if any(uses_action(step, "actions/upload-pages-artifact") for step in steps(job))
    ]
    deploy_jobs = [
        job
        for job in jobs(wf).values()
        if any(uses_action(step, "actions/deploy-pages") for step in steps(job))
    ]
    if not build_jobs:
        problems.append("no job uploads a Pages artifact")
    for job in build_jobs:
        pages_ids = [s.get("id") for s in steps(job) if uses_action(s, "actions/configure-pages")]
        expected = f"steps.{pages_ids[0]}.outputs.base_url" if pages_ids else None
        site_steps = [s for s in steps(job) if "make site" in run_text(s)]
        site_url = str(((site_steps or [{}])[0].get("env") or {}).get("SITE_URL", ""))
        if expected is None or expected not in site_url:
            problems.append("`make site` does not get SITE_URL from configure-pages' base_url")
        uploads = [s for s in steps(job) if uses_action(s, "actions/upload-pages-artifact")]
        if str((uploads[0].get("with") or {}).get("path", "")).rstrip("/") != "site":
            problems.append("the Pages artifact is not the built `site/` folder")
    if not deploy_jobs:
        problems.append("no job runs actions/deploy-pages")
    for job in deploy_jobs:
        environment = job.get("environment")
        name = environment.get("name") if isinstance(environment, dict) else environment
        if name != "github-pages":
            problems.append("the deploy job does not use the `github-pages` environment")
        if not job.get("needs"):
            problems.append("the deploy job does not wait for the build (`needs`)")
    return problems


def pr_concurrency_problems(wf: WorkflowFile) -> list[str]:
    concurrency = wf.data.get("concurrency")
    if not isinstance(concurrency, dict):
        return ["no top-level `concurrency`: outdated runs of a pull request keep running"]
    problems = []
    if "github.ref" not in str(concurrency.get("group", "")):
        problems.append("the concurrency group is not per ref: PRs would cancel each other")
    if concurrency.get("cancel-in-progress") is not True:
        problems.append("`cancel-in-progress` is not true: outdated runs keep running")
    return problems


def builds_then_uploads_site(job: dict[str, Any]) -> bool:
    built = runs_in_job(job, "make site")
    return built is not None and any(
        uses_action(step, "actions/upload-artifact")
        and str((step.get("with") or {}).get("path", "")).rstrip("/") == "site"
        for step in steps(job)[built + 1 :]
    )


def pr_preview_and_annotation_problems(wf: WorkflowFile) -> list[str]:
    problems = []
    if "pull_request" not in triggers(wf):
        problems.append("does not run on `pull_request`")

    if not any(builds_then_uploads_site(job) for job in jobs(wf).values()):
        problems.append("no job runs `make site` and then uploads `site/` as an artifact")

    annotating = [
        (job, index)
        for job in jobs(wf).values()
        for index, step in enumerate(steps(job))
        if "familiennetz validate" in run_text(step) and "--format github" in run_text(step)
    ]
    if not annotating:
        problems.append("no step runs `familiennetz validate --format github`")
    for job, index in annotating:
        step, script = steps(job)[index], run_text(steps(job)[index])
        if "git diff" not in script or "--diff-filter=ACMR" not in script:
            problems.append("the annotations are not limited to added/changed files (git diff)")
        checkout = [s for s in steps(job) if uses_action(s, "actions/checkout")]
        if not checkout or (checkout[0].get("with") or {}).get("fetch-depth") != 0:
            problems.append("checkout without `fetch-depth: 0`: the base branch is missing")
        whole_tree = runs_in_job(job, "make validate")
        if whole_tree is None:
            problems.append("the job does not validate the whole tree (`make validate`)")
        elif whole_tree < index and not RUNS_AFTER_FAILURE.search(str(step.get("if", ""))):
            problems.append("annotations are skipped when `make validate` fails (add `if`)")
    return problems


def make_test_problems(wf: WorkflowFile) -> list[str]:
    for job in jobs(wf).values():
        test_index = runs_in_job(job, "make test")
        if test_index is None:
            continue
        before = steps(job)[:test_index]
        if any("apt-get install" in run_text(s) and "chromium" in run_text(s) for s in before):
            return []
        return ["`make test` runs before chromium is installed with apt-get"]
    return ["no job runs `make test`"]


CACHE_ACTIONS = ("actions/cache", "actions/cache/restore", "actions/cache/save")


def cache_paths(step: dict[str, Any]) -> list[str]:
    """The paths an actions/cache step keeps, one per line, without `./` or a slash at the end."""
    text = str((step.get("with") or {}).get("path", ""))
    return [line.strip().removeprefix("./").rstrip("/") for line in text.splitlines() if line.strip()]


def never_caches_site_problems(wf: WorkflowFile) -> list[str]:
    return [
        f"job `{job_id}` caches `{path}`: the site is built fresh, never restored"
        for job_id, job in jobs(wf).items()
        for step in steps(job)
        if any(uses_action(step, action) for action in CACHE_ACTIONS)
        for path in cache_paths(step)
        if path.split("/")[0] in ("site", ".site-build", "*", "**", ".") or path.startswith("site")
    ]


def build_cache_problems(wf: WorkflowFile) -> list[str]:
    """The job that uploads the Pages artifact restores `.cache` before `make site` and saves
    a new cache under a key of its own, found again by prefix."""
    builders = [job for job in jobs(wf).values()
                if any(uses_action(s, "actions/upload-pages-artifact") for s in steps(job))]
    if not builders:
        return ["no job uploads a Pages artifact"]
    problems = []
    for job in builders:
        built = runs_in_job(job, "make site")
        caches = [(i, s) for i, s in enumerate(steps(job)) if uses_action(s, "actions/cache")]
        if not caches:
            problems.append("the build job does not keep `.cache` (no actions/cache step)")
            continue
        index, step = caches[0]
        if built is None or index > built:
            problems.append("the cache is restored after `make site`: the build cannot use it")
        if cache_paths(step) != [".cache"]:
            problems.append(f"the cache keeps {cache_paths(step)}, not exactly `.cache`")
        key = str((step.get("with") or {}).get("key", ""))
        restore = [line.strip() for line in
                   str((step.get("with") or {}).get("restore-keys", "")).splitlines() if line.strip()]
        if "github.run_id" not in key:
            problems.append("the cache key is the same every run: the first cache is never "
                            "replaced (keys are immutable)")
        if not restore or not all(key.startswith(prefix) for prefix in restore):
            problems.append("no `restore-keys` prefix of the key: a run never finds the last one")
    return problems


Rule = Callable[[WorkflowFile], list[str]]
EVERY_WORKFLOW_RULES: list[Rule] = [
    read_only_default_problems,
    write_permission_problems,
    unpinned_action_problems,
    release_comment_problems,
    pull_request_target_problems,
    checkout_credential_problems,
    timeout_problems,
    never_caches_site_problems,
]


# --- the real workflows ---------------------------------------------------------------


@pytest.fixture(scope="module")
def pr() -> WorkflowFile:
    return load_workflow(PR_WORKFLOW)


@pytest.fixture(scope="module")
def deploy() -> WorkflowFile:
    return load_workflow(DEPLOY_WORKFLOW)


every_workflow = pytest.mark.parametrize("path", workflow_paths(), ids=lambda p: p.name)


def test_pr_and_deploy_workflows_exist() -> None:
    assert PR_WORKFLOW in workflow_paths()
    assert DEPLOY_WORKFLOW in workflow_paths()


def test_yaml_11_key_on_is_read_as_the_triggers(pr: WorkflowFile) -> None:
    assert yaml.safe_load("on: push") == {True: "push"}  # the trap parse_workflow handles
    assert all(isinstance(key, str) for key in pr.data)
    assert "pull_request" in triggers(pr)


@every_workflow
def test_every_workflow_defaults_to_read_only_permissions(path: Path) -> None:
    wf = load_workflow(path)
    assert read_only_default_problems(wf) == []
    assert wf.data["permissions"] == {"contents": "read"}


@every_workflow
def test_only_deploy_job_may_write_pages_and_id_token(path: Path) -> None:
    assert write_permission_problems(load_workflow(path)) == []


def test_deploy_job_gets_exactly_pages_and_id_token_write(deploy: WorkflowFile) -> None:
    writers = {
        job_id: job["permissions"]
        for job_id, job in jobs(deploy).items()
        if "write" in (job.get("permissions") or {}).values()
    }
    assert writers == {"deploy": {"pages": "write", "id-token": "write"}}


@every_workflow
def test_every_action_is_pinned_to_a_commit_sha(path: Path) -> None:
    wf = load_workflow(path)
    assert list(all_uses(wf)), "no actions found: the parser is looking in the wrong place"
    assert unpinned_action_problems(wf) == []


@every_workflow
def test_every_pinned_action_names_its_release_in_a_comment(path: Path) -> None:
    assert release_comment_problems(load_workflow(path)) == []


def test_the_same_action_is_pinned_to_the_same_commit_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for path in workflow_paths():
        for _, ref in all_uses(load_workflow(path)):
            action, _, sha = ref.partition("@")
            pins.setdefault(action, set()).add(sha)
    assert {action: shas for action, shas in pins.items() if len(shas) > 1} == {}


@every_workflow
def test_no_workflow_uses_pull_request_target(path: Path) -> None:
    assert pull_request_target_problems(load_workflow(path)) == []


@every_workflow
def test_checkout_never_persists_the_token(path: Path) -> None:
    assert checkout_credential_problems(load_workflow(path)) == []


@every_workflow
def test_every_job_has_a_timeout(path: Path) -> None:
    assert timeout_problems(load_workflow(path)) == []


def test_deploy_workflow_has_concurrency_group(deploy: WorkflowFile) -> None:
    assert deploy_concurrency_problems(deploy) == []


def test_deploy_runs_on_schedule_and_push_to_main(deploy: WorkflowFile) -> None:
    assert deploy_trigger_problems(deploy) == []


def test_deploy_builds_for_the_pages_address_and_deploys_to_github_pages(
    deploy: WorkflowFile,
) -> None:
    assert deploy_pages_problems(deploy) == []


def test_pr_workflow_cancels_outdated_runs_of_the_same_pull_request(pr: WorkflowFile) -> None:
    assert pr_concurrency_problems(pr) == []


def test_pr_workflow_uploads_built_site_and_annotates_with_github_format(
    pr: WorkflowFile,
) -> None:
    assert pr_preview_and_annotation_problems(pr) == []


def test_pr_workflow_runs_make_test(pr: WorkflowFile) -> None:
    assert make_test_problems(pr) == []


def test_deploy_restores_the_build_cache_before_make_site_and_saves_a_new_one(
    deploy: WorkflowFile,
) -> None:
    assert build_cache_problems(deploy) == []


def test_the_cache_step_is_actions_cache_v4_pinned_by_sha(deploy: WorkflowFile) -> None:
    refs = [ref for _, ref in all_uses(deploy) if ref.split("@")[0] == "actions/cache"]
    assert len(refs) == 1 and FULL_SHA_REF.match(refs[0])
    line = next(line for line in deploy.text.splitlines() if refs[0] in line)
    match = USES_LINE.match(line)
    assert match and (match["comment"] or "").startswith("v4.")


@every_workflow
def test_no_workflow_caches_the_built_site(path: Path) -> None:
    assert never_caches_site_problems(load_workflow(path)) == []


# --- every rule finds the regression it is named after ----------------------------------

SHA = "11bd71901bbe5b1630ceea73d27597364c9af683"

BAD_EXAMPLES: list[tuple[str, Rule, str, str]] = [
    (
        "no-top-level-permissions",
        read_only_default_problems,
        "on: push\njobs: {}\n",
        "no top-level `permissions`",
    ),
    (
        "write-all-default",
        read_only_default_problems,
        "on: push\npermissions: write-all\njobs: {}\n",
        "is not a list of read-only scopes",
    ),
    (
        "contents-write-default",
        read_only_default_problems,
        "on: push\npermissions:\n  contents: write\njobs: {}\n",
        "`contents: write` is not read-only",
    ),
    (
        "build-job-writes-pages",
        write_permission_problems,
        f"""
        on: push
        jobs:
          build:
            permissions: {{pages: write, id-token: write}}
            steps:
              - uses: actions/upload-pages-artifact@{SHA} # v3.0.1
        """,
        "job `build` does not deploy Pages but may write",
    ),
    (
        "deploy-job-writes-contents",
        write_permission_problems,
        f"""
        on: push
        jobs:
          deploy:
            permissions: {{pages: write, id-token: write, contents: write}}
            steps:
              - uses: actions/deploy-pages@{SHA} # v4.0.5
        """,
        "may write more than pages/id-token: ['contents']",
    ),
    (
        "job-write-all",
        write_permission_problems,
        "on: push\njobs:\n  test:\n    permissions: write-all\n",
        "job `test` has `permissions: write-all`",
    ),
    (
        "tag-instead-of-sha",
        unpinned_action_problems,
        "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n",
        "`actions/checkout@v4` is not pinned",
    ),
    (
        "short-sha",
        unpinned_action_problems,
        "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@11bd719\n",
        "is not pinned to a full commit SHA",
    ),
    (
        "reusable-workflow-on-branch",
        unpinned_action_problems,
        "on: push\njobs:\n  a:\n    uses: org/repo/.github/workflows/x.yml@main\n",
        "`org/repo/.github/workflows/x.yml@main` is not pinned",
    ),
    (
        "docker-image-by-tag",
        unpinned_action_problems,
        "on: push\njobs:\n  a:\n    steps:\n      - uses: docker://alpine:3\n",
        "is not pinned to a digest",
    ),
    (
        "sha-without-release-comment",
        release_comment_problems,
        f"on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@{SHA}\n",
        "has no `# vX.Y.Z` comment",
    ),
    (
        "pull-request-target",
        pull_request_target_problems,
        "on:\n  pull_request_target:\n    types: [opened]\njobs: {}\n",
        "`pull_request_target`",
    ),
    (
        "pull-request-target-in-a-list",
        pull_request_target_problems,
        "on: [push, pull_request_target]\njobs: {}\n",
        "`pull_request_target`",
    ),
    (
        "checkout-keeps-token",
        checkout_credential_problems,
        f"on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@{SHA} # v4.2.2\n",
        "checkout leaves the token",
    ),
    (
        "job-without-timeout",
        timeout_problems,
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n",
        "job `a` has no `timeout-minutes`",
    ),
    (
        "deploy-without-concurrency",
        deploy_concurrency_problems,
        "on: push\njobs: {}\n",
        "no top-level `concurrency` group",
    ),
    (
        "deploy-cancels-in-progress",
        deploy_concurrency_problems,
        "on: push\nconcurrency:\n  group: pages\n  cancel-in-progress: true\njobs: {}\n",
        "`cancel-in-progress` must be false",
    ),
    (
        "deploy-only-on-push",
        deploy_trigger_problems,
        "on:\n  push:\n    branches: [main]\n  workflow_dispatch:\njobs: {}\n",
        "no `schedule`",
    ),
    (
        "deploy-daily-instead-of-hourly",
        deploy_trigger_problems,
        """
        on:
          push: {branches: [main]}
          schedule: [{cron: "7 3 * * *"}]
          workflow_dispatch:
        jobs: {}
        """,
        "schedule `7 3 * * *` does not run at least every hour",
    ),
    (
        "deploy-on-push-to-other-branch",
        deploy_trigger_problems,
        """
        on:
          push: {branches: [develop]}
          schedule: [{cron: "7 * * * *"}]
          workflow_dispatch:
        jobs: {}
        """,
        "does not run on push to `main`",
    ),
    (
        "deploy-builds-for-localhost",
        deploy_pages_problems,
        f"""
        on: push
        jobs:
          build:
            steps:
              - {{id: pages, uses: actions/configure-pages@{SHA}}}
              - run: make site
              - {{uses: actions/upload-pages-artifact@{SHA}, with: {{path: site/}}}}
          deploy:
            needs: build
            environment: github-pages
            steps:
              - uses: actions/deploy-pages@{SHA}
        """,
        "does not get SITE_URL from configure-pages",
    ),
    (
        "deploy-without-environment",
        deploy_pages_problems,
        f"""
        on: push
        jobs:
          deploy:
            needs: build
            steps:
              - uses: actions/deploy-pages@{SHA}
        """,
        "does not use the `github-pages` environment",
    ),
    (
        "pr-concurrency-shared-by-all-prs",
        pr_concurrency_problems,
        "on: pull_request\nconcurrency:\n  group: pr\n  cancel-in-progress: true\njobs: {}\n",
        "not per ref",
    ),
    (
        "pr-without-preview-artifact",
        pr_preview_and_annotation_problems,
        """
        on: pull_request
        jobs:
          build:
            steps:
              - run: make site
        """,
        "uploads `site/` as an artifact",
    ),
    (
        "pr-upload-before-build",
        pr_preview_and_annotation_problems,
        f"""
        on: pull_request
        jobs:
          build:
            steps:
              - {{uses: actions/upload-artifact@{SHA}, with: {{path: site/}}}}
              - run: make site
        """,
        "uploads `site/` as an artifact",
    ),
    (
        "pr-validator-in-standard-format",
        pr_preview_and_annotation_problems,
        """
        on: pull_request
        jobs:
          validate:
            steps:
              - run: .venv/bin/familiennetz validate content/
        """,
        "no step runs `familiennetz validate --format github`",
    ),
    (
        "pr-annotations-skipped-after-failure",
        pr_preview_and_annotation_problems,
        f"""
        on: pull_request
        jobs:
          validate:
            steps:
              - {{uses: actions/checkout@{SHA}, with: {{fetch-depth: 0}}}}
              - run: make validate
              - run: |
                  files=$(git diff --name-only --diff-filter=ACMR origin/main...HEAD)
                  .venv/bin/familiennetz validate --format github $files
        """,
        "annotations are skipped when `make validate` fails",
    ),
    (
        "pr-annotations-without-history",
        pr_preview_and_annotation_problems,
        f"""
        on: pull_request
        jobs:
          validate:
            steps:
              - uses: actions/checkout@{SHA}
              - run: make validate
              - if: ${{{{ always() }}}}
                run: |
                  files=$(git diff --name-only --diff-filter=ACMR origin/main...HEAD)
                  .venv/bin/familiennetz validate --format github $files
        """,
        "without `fetch-depth: 0`",
    ),
    (
        "pr-without-make-test",
        make_test_problems,
        "on: pull_request\njobs:\n  lint:\n    steps:\n      - run: make lint\n",
        "no job runs `make test`",
    ),
    (
        "pr-make-test-without-chromium",
        make_test_problems,
        "on: pull_request\njobs:\n  test:\n    steps:\n      - run: make test\n",
        "before chromium is installed",
    ),
    (
        "deploy-without-build-cache",
        build_cache_problems,
        f"""
        on: push
        jobs:
          build:
            steps:
              - run: make site
              - {{uses: actions/upload-pages-artifact@{SHA}, with: {{path: site/}}}}
        """,
        "no actions/cache step",
    ),
    (
        "cache-restored-after-the-build",
        build_cache_problems,
        f"""
        on: push
        jobs:
          build:
            steps:
              - run: make site
              - uses: actions/cache@{SHA}
                with: {{path: .cache, key: "b-${{{{ github.run_id }}}}", restore-keys: "b-"}}
              - {{uses: actions/upload-pages-artifact@{SHA}, with: {{path: site/}}}}
        """,
        "restored after `make site`",
    ),
    (
        "cache-with-a-fixed-key",
        build_cache_problems,
        f"""
        on: push
        jobs:
          build:
            steps:
              - uses: actions/cache@{SHA}
                with: {{path: .cache, key: build-cache}}
              - run: make site
              - {{uses: actions/upload-pages-artifact@{SHA}, with: {{path: site/}}}}
        """,
        "the same every run",
    ),
    (
        "cache-without-restore-keys",
        build_cache_problems,
        f"""
        on: push
        jobs:
          build:
            steps:
              - uses: actions/cache@{SHA}
                with: {{path: .cache, key: "b-${{{{ github.run_id }}}}"}}
              - run: make site
              - {{uses: actions/upload-pages-artifact@{SHA}, with: {{path: site/}}}}
        """,
        "no `restore-keys`",
    ),
    (
        "cache-keeps-more-than-the-build-cache",
        build_cache_problems,
        f"""
        on: push
        jobs:
          build:
            steps:
              - uses: actions/cache@{SHA}
                with:
                  path: |
                    .cache
                    node_modules
                  key: "b-${{{{ github.run_id }}}}"
                  restore-keys: b-
              - run: make site
              - {{uses: actions/upload-pages-artifact@{SHA}, with: {{path: site/}}}}
        """,
        "not exactly `.cache`",
    ),
    (
        "cache-keeps-the-site",
        never_caches_site_problems,
        f"""
        on: push
        jobs:
          build:
            steps:
              - uses: actions/cache/restore@{SHA}
                with:
                  path: |
                    .cache
                    ./site/
                  key: b
        """,
        "caches `site`",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [pytest.param(rule, text, expected, id=name) for name, rule, text, expected in BAD_EXAMPLES],
)
def test_each_rule_catches_the_regression_it_names(rule: Rule, text: str, expected: str) -> None:
    problems = rule(parse_workflow(textwrap.dedent(text)))
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize("rule", EVERY_WORKFLOW_RULES, ids=lambda rule: rule.__name__)
def test_every_workflow_rule_has_a_bad_example(rule: Rule) -> None:
    assert rule in {example[1] for example in BAD_EXAMPLES}
