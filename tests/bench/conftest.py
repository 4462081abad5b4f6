from tests.support.postgres import postgres_server, postgres_url  # noqa: F401
