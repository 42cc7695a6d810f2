#!/usr/bin/env python3
"""Drives the page of `gazette serve` in headless Chromium (Debian's, through selenium and Debian's
chromedriver) as a person would, and saves a screenshot.

    Scripts/browser_test.py URL SAMPLE_HTML SCREENSHOT.png     (called by Scripts/browser-test.sh)

Checks: the page loads with no console error and without reaching any host but the server
(Chromium resolves every other name to nothing); "Load sample" + "Tag" shows the cleaned text
with entities highlighted by type, a tooltip on hover with id, Wikidata link, salience and how the
name was found, topics with scores, the entity table and a co-occurrence graph; a dropped file
(the file input) is tagged with its own title; an empty file shows the server's error.
"""

import os
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

URL, SAMPLE_FILE, SCREENSHOT = sys.argv[1:4]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,2000",
             "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--no-first-run", "--disable-extensions"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 60)
try:
    driver.get(URL + "/")
    check("Gazette" in driver.title, f"page title is {driver.title!r}")

    # 1. The sample, pasted and tagged.
    driver.find_element(By.ID, "sample-button").click()
    check("Ursula von der Leyen" in driver.find_element(By.ID, "article-input").get_attribute("value"), "sample loaded into the text box")
    driver.find_element(By.ID, "tag-button").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#article-text mark.entity")))
    marks = driver.find_elements(By.CSS_SELECTOR, "#article-text mark.entity")
    types = {cls for mark in marks for cls in mark.get_attribute("class").split() if cls.startswith("type-")}
    check(len(marks) >= 8, f"{len(marks)} highlighted mentions")
    check(types == {"type-Person", "type-Place", "type-Organization"}, f"highlight types {sorted(types)}")
    names = {mark.text for mark in marks}
    for name in ("Ursula von der Leyen", "Brussels", "NATO", "Kyiv"):
        check(name in names, f"{name!r} is highlighted")
    status = driver.find_element(By.ID, "status").text
    check(status.startswith("Tagged as text"), f"status line {status!r}")

    topics = driver.find_elements(By.CSS_SELECTOR, "#topics li[data-topic]")
    check(len(topics) >= 1, f"{len(topics)} topics shown")
    check(all(t.find_element(By.CSS_SELECTOR, ".score").text.replace(".", "", 1).isdigit() for t in topics), "each topic has a score")
    rows = driver.find_elements(By.CSS_SELECTOR, "#entities tbody tr")
    check(len(rows) >= 6, f"{len(rows)} rows in the entity table")
    nodes = driver.find_elements(By.CSS_SELECTOR, "#graph svg g.node")
    edges = driver.find_elements(By.CSS_SELECTOR, "#graph svg line.edge")
    check(len(nodes) >= 5 and len(edges) >= 3, f"co-occurrence graph with {len(nodes)} nodes and {len(edges)} edges")

    # 2. Hover: the tooltip says id, Wikidata link, salience, how the name was found. The names
    # whose entity has a QID are the ones the entity table links.
    linked = {row.find_element(By.CSS_SELECTOR, "td").text.strip() for row in rows
              if row.find_elements(By.CSS_SELECTOR, "a[href^='https://www.wikidata.org/wiki/Q']")}
    check(len(linked) >= 2, f"entities with a Wikidata link: {sorted(linked)}")
    tooltip = driver.find_element(By.ID, "tooltip")
    candidates = [mark for mark in marks if mark.text in linked]
    candidates.sort(key=lambda mark: "type-Person" not in mark.get_attribute("class"))
    target = candidates[0] if candidates else marks[0]
    ActionChains(driver).move_to_element(target).perform()
    wait.until(EC.visibility_of(tooltip))
    text = tooltip.text
    for part in ("id:", "Wikidata:", "salience:", "found by:"):
        check(part in text, f"tooltip of {target.text!r} shows {part!r}")
    links = tooltip.find_elements(By.CSS_SELECTOR, "a[href^='https://www.wikidata.org/wiki/Q']")
    check(len(links) == 1, "tooltip links the Wikidata QID")
    time.sleep(0.3)
    driver.save_screenshot(SCREENSHOT)
    print(f"screenshot: {SCREENSHOT}")

    # 3. A file, as dropped: the bytes go to the server, which reads them as gazette tag would.
    driver.find_element(By.ID, "file-input").send_keys(SAMPLE_FILE)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#meta .title"))
    title = driver.find_element(By.CSS_SELECTOR, "#meta .title").text
    check("NATO" in title, f"file tagged with its own title {title!r}")

    # 4. Bad input: an empty file; the server's error reaches the person.
    empty = os.path.join(tempfile.mkdtemp(), "empty.html")
    open(empty, "wb").close()
    driver.find_element(By.ID, "file-input").send_keys(empty)
    wait.until(lambda d: "error" in d.find_element(By.ID, "status").get_attribute("class"))
    check("422" in driver.find_element(By.ID, "status").text, f"error shown: {driver.find_element(By.ID, 'status').text!r}")

    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE" and "422" not in entry["message"]]
    check(not severe, f"no console errors {[e['message'] for e in severe]}")
finally:
    driver.quit()

if failures:
    print(f"browser test: {len(failures)} check(s) failed")
    sys.exit(1)
print("browser test: passed")
