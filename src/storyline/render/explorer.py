"""Placeholder."""
def render_explorer(data):
    return "<!doctype html><title>x</title>"
