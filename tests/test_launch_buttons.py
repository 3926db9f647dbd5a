"""Lesson pages offer their notebook: a download always, JupyterHub (nbgitpuller) and Binder
launch links when the site is built with a repository address; plain links, nothing fetched."""

import importlib.util

from twitchbook_site.paths import SOURCES

from conftest import ROOT

SITE = ROOT / "_build" / "html"


def site_settings():
    spec = importlib.util.spec_from_file_location("site_conf", SOURCES / "conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    return conf


def test_launch_buttons_follow_the_instructors_settings():
    conf = site_settings()
    assert conf.launch_options({}) == {}, "no repository, no launch buttons"
    options = conf.launch_options(
        {
            "TWITCHBOOK_REPOSITORY_URL": "https://github.com/org/workbook",
            "TWITCHBOOK_JUPYTERHUB_URL": "https://hub.example.org",
        }
    )
    assert options["repository_url"] == "https://github.com/org/workbook"
    assert options["path_to_docs"] == "notebooks"
    launch = options["launch_buttons"]
    assert launch["jupyterhub_url"] == "https://hub.example.org"
    assert launch["binderhub_url"] == "https://mybinder.org"
    assert launch["notebook_interface"] == "jupyterlab"


def test_each_lesson_page_offers_its_notebook_to_download(browser):
    from browser import open_offline

    page, log = open_offline(browser, (SITE / "01_facial_nerve.html").as_uri())
    link = page.locator("a[href$='01_facial_nerve.ipynb']").first
    href = link.get_attribute("href")
    page.close()
    assert (SITE / href.split("?")[0]).resolve().is_file(), href
    assert not any(url.endswith(".ipynb") for url in log.loaded), "fetched before a click"
