"""The JSON Schema of analysis.json."""
