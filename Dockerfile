# The API as a container (docker-compose.yml): it talks to a Neo4j server, nothing embedded.
# The package is built as a wheel first, so that the image holds exactly what `pip wheel` ships
# (tests/operations/test_deployment.py checks that the wheel has every statement, reference and static file).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY cypher ./cypher
COPY server ./server
COPY loaders ./loaders
RUN pip wheel --no-cache-dir --wheel-dir /wheels '.[speedups]'

FROM python:3.11-slim
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels 'talentgraph[speedups]' && rm -rf /wheels \
 && useradd --system --uid 10001 --home-dir /data talentgraph \
 && mkdir -p /data /backups && chown talentgraph /data /backups
USER talentgraph
ENV TALENTGRAPH_DATA_DIR=/data
VOLUME ["/data", "/backups"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
CMD ["talentgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
