"""A real JupyterLab for the browser tests: on loopback, a free port, a token, no browser.

It serves a throwaway copy of notebooks/ inside its own git repository, so a test can save a
notebook from JupyterLab and ask git whether the file changed, without touching the project.
Settings, workspaces and runtime files live in the same throwaway folder, so a developer's own
JupyterLab settings never leak into a test.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


@dataclass
class LabServer:
    url: str
    token: str
    root: Path
    process: subprocess.Popen
    env: dict

    def lab_url(self, path: str = "") -> str:
        return f"{self.url}lab/tree/{path}?token={self.token}&reset"

    def git(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True)

    def trust(self, name: str) -> None:
        subprocess.run(
            [sys.executable, "-m", "jupyter", "trust", str(self.root / name)],
            env=self.env,
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_notebooks(source: Path, root: Path) -> None:
    """The notebooks, committed in a repository of their own."""
    root.mkdir(parents=True, exist_ok=True)
    for notebook in sorted(source.glob("*.ipynb")):
        shutil.copyfile(notebook, root / notebook.name)
    quiet = {"cwd": root, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **quiet)
    subprocess.run(["git", "add", "."], **quiet)
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "x"],
        **quiet,
    )


# JupyterLab settings for a quiet test: no prompt about news.
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": '{"fetchNews": "false"}',
}


def start_lab(notebooks: Path, workdir: Path, timeout: float = 60) -> LabServer:
    root = workdir / "notebooks"
    copy_notebooks(notebooks, root)
    for name, text in SETTINGS.items():
        path = workdir / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(workdir / "config"),
        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
        "JUPYTER_DATA_DIR": str(workdir / "data"),
        "JUPYTERLAB_SETTINGS_DIR": str(workdir / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(workdir / "workspaces"),
    }
    env.pop("TWITCHBOOK_PRESENTER", None)
    # As ./workbook lab does: the outputs are ours, so JupyterLab shows them unsanitised.
    subprocess.run(
        [sys.executable, "-m", "jupyter", "trust", *sorted(str(p) for p in root.glob("*.ipynb"))],
        env=env,
        check=True,
        capture_output=True,
    )
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(workdir / "jupyterlab.log", "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab stopped: {(workdir / 'jupyterlab.log').read_text()}")
        try:
            with urllib.request.urlopen(f"{url}api/status?token={token}", timeout=2):
                return LabServer(url, token, root, process, env)
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"JupyterLab did not answer within {timeout} s")
