"""The build layer the project's Pelican plugins share (not a plugin itself):
one session per build (session.py), what the caches are keyed on
(inputs.py), the NEWS_* settings (options.py) and the progress bar."""
