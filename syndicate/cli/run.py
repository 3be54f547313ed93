"""``syndicate run`` (the scheduler) and ``syndicate status``."""

from __future__ import annotations

import json
import sys
from datetime import datetime

import click

from syndicate.cli.context import NOW_OPTION, Context, info_logging, now_or_clock
from syndicate.schedule.runner import JobRunner
from syndicate.schedule.service import SchedulerService
from syndicate.schedule.status import format_status, gather_status
from syndicate.store.runs import FAILED


@click.command()
@click.option("--once", is_flag=True,
              help="Run every overdue job once (as at start), then exit: for cron-driven hosts and tests.")
@NOW_OPTION
@click.pass_obj
def run(obj: Context, once: bool, now: datetime | None) -> None:
    """Run the configured schedules until SIGTERM/SIGINT (exit 0); SIGHUP reloads the config.

    Every run is recorded in the store, once per (job, fire time) even with several `run` processes on one
    store. At start each job whose last success is older than its latest fire time runs once (catch-up).
    `--now` (with `--once`) acts as if it were that time."""
    info_logging()
    if now is not None and not once:
        raise click.UsageError("--now needs --once (the long-running scheduler follows the real clock)")
    config = obj.config
    store = obj.store()
    try:
        if once:
            fixed = now_or_clock(now)
            clock = (lambda: fixed) if now is not None else (lambda: now_or_clock(None))
            runner = JobRunner(config, store, clock=clock)
            outcomes = runner.catch_up()
            for o in outcomes:
                run_ = o.run
                what = o.skipped if run_ is None else f"run {run_.id} {run_.status}"
                click.echo(f"{o.job} {o.fire_time.isoformat()}: {what}")
            if not outcomes:
                click.echo("nothing due")
            sys.exit(1 if any(o.run is not None and o.run.status == FAILED for o in outcomes) else 0)
        runner = JobRunner(config, store)
        service = SchedulerService(runner, obj.config_path)
        service.install_signal_handlers()
        service.serve_forever()
    finally:
        store.close()


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON (for monitoring) instead of tables.")
@NOW_OPTION
@click.pass_obj
def status(obj: Context, as_json: bool, now: datetime | None) -> None:
    """Jobs (schedule, next run, last result, failures in a row), feeds, pending translations, held-back
    items and the partner push queue. Exit 1 when a job's latest run failed."""
    store = obj.store()
    try:
        data = gather_status(obj.config, store, now_or_clock(now))
    finally:
        store.close()
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else format_status(data))
    sys.exit(1 if any(j["failures_in_a_row"] for j in data["jobs"]) else 0)
