#!/usr/bin/env python3
"""The README's screenshots of pages that need a person signed in, from a running demo instance.

Start Tandem with the demo (TANDEM_ADMIN_PASSWORD=... java -jar target/tandem.jar --tandem.demo=true), then:

    python3 tools/screenshots.py --base http://localhost:8080 [--out docs/screenshots]

It signs in as the demo's customer-support lead (cs) with the demo's password, drives headless Chromium through
chromedriver's W3C protocol (no Selenium needed), and saves each page as PNG at 1280 px wide: the demo's sign-in
page, the week's check-ins, a new KPI and objective, the KPI tree, the alignment and, in German, an objective of
hers with its chart. (The admin's first-steps checklist is saved by FirstTenMinutesBrowserTests, on an empty
instance: target/screenshots/first-steps.png.)
"""
import argparse
import base64
import json
import os
import socket
import subprocess
import time
import urllib.request

PERSON, PERSON_PASSWORD = "cs", "explore-the-demo"


def call(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json",
                                                                         **(headers or {})})
    with urllib.request.urlopen(req, timeout=60) as answer:
        text = answer.read().decode()
        return json.loads(text) if text else None


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


class Browser:
    def __init__(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.driver = subprocess.Popen([os.environ.get("TANDEM_CHROMEDRIVER", "/usr/bin/chromedriver"),
                                        f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.root = f"http://127.0.0.1:{self.port}"
        for _ in range(50):
            try:
                call("GET", self.root + "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": os.environ.get("TANDEM_CHROMIUM", "/usr/bin/chromium"),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=en"]}}}}
        self.session = self.root + "/session/" + call("POST", self.root + "/session", caps)["value"]["sessionId"]

    def go(self, url):
        call("POST", self.session + "/url", {"url": url})

    def script(self, source, *args):
        return call("POST", self.session + "/execute/sync", {"script": source, "args": list(args)})["value"]

    def shot(self, path):
        height = self.script("return document.documentElement.scrollHeight")
        call("POST", self.session + "/window/rect", {"width": 1280, "height": min(3000, max(700, height))})
        png = call("GET", self.session + "/screenshot")["value"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))
        call("POST", self.session + "/window/rect", {"width": 1280, "height": 900})

    def close(self):
        try:
            call("DELETE", self.session)
        finally:
            self.driver.terminate()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:8080")
    p.add_argument("--out", default="docs/screenshots")
    a = p.parse_args()
    me = basic(PERSON, PERSON_PASSWORD)
    mine = call("GET", a.base + "/api/v1/objectives?limit=200", headers=me)["items"]
    objective = next(o for o in mine if any(kr.get("kpiId") is None and kr["type"] == "INCREASE"
                                            for kr in o["keyResults"]) and o["title"].startswith("Improve"))
    b = Browser()
    try:
        b.go(a.base + "/login")
        time.sleep(1)
        b.shot(os.path.join(a.out, "demo-sign-in.png"))
        b.script("document.getElementById('username').value = arguments[0];"
                 "document.getElementById('password').value = arguments[1];"
                 "document.querySelector('form.signin-form').submit();", PERSON, PERSON_PASSWORD)
        time.sleep(2)
        for name, path in [("check-ins", "/check-ins"), ("kpi-new", "/kpis/new"), ("objective-new", "/okrs/new"),
                           ("kpi-tree", "/kpis/tree"), ("alignment", "/alignment"),
                           ("objective-de", "/okrs/objectives/" + objective["id"] + "?lang=de")]:
            b.go(a.base + path)
            time.sleep(1.5)
            b.shot(os.path.join(a.out, name + ".png"))
            print("saved", os.path.join(a.out, name + ".png"))
        b.go(a.base + "/?lang=en")
    finally:
        b.close()


if __name__ == "__main__":
    main()
