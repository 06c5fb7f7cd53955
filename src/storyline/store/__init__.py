"""The DuckDB store: schema, migrations and queries."""
