"""The domain and its storage: the Neo4j driver, migrations, reference data, repositories."""
