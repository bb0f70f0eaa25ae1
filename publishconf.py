"""Settings for the deployed site (`make publish`, `make github`, CI Pages).

SITEURL comes from the environment, e.g. https://USER.github.io/REPO for a
project site or https://example.org for a domain root.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
