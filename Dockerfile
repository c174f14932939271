# The API as a container, for docker-compose.yml (it talks to the neo4j service, nothing embedded).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY cypher ./cypher
COPY server ./server
COPY loaders ./loaders
RUN pip install --no-cache-dir '.[speedups]'
ENV TALENTGRAPH_DATA_DIR=/data
EXPOSE 8000
CMD ["talentgraph", "serve", "--host", "0.0.0.0", "--port", "8000", "--demo"]
