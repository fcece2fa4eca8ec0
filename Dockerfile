# One image recipe for every runnable module of the ICM platform.
#
#   docker build --build-arg MODULE=policy-service -t icm/policy-service .
#
# MODULE names a Maven module that builds <module>/target/<module>-exec.jar (the services and the
# gateway); docker-compose.yml builds each of them from this file.

# ---- build: the module and the modules it depends on (-am), tests are run by CI, not here --------
FROM maven:3.9-eclipse-temurin-25 AS build
ARG MODULE
RUN test -n "${MODULE}" || { echo "build arg MODULE is required, e.g. --build-arg MODULE=gateway" >&2; exit 1; }
WORKDIR /workspace
COPY . .
# The local repository is a BuildKit cache shared by the five image builds; "locked" because Maven's
# local repository is not safe for concurrent writers. Build output left in the context by a local
# build (target/) is removed first, so the image never packages stale classes.
RUN --mount=type=cache,target=/root/.m2/repository,sharing=locked \
    find . -mindepth 2 -maxdepth 2 -name target -type d -exec rm -rf {} + \
    && mvn -B -DskipTests -pl "${MODULE}" -am package \
    && cp "${MODULE}/target/${MODULE}-exec.jar" /workspace/app.jar

# ---- run: JRE only, as a non-root user ----------------------------------------------------------
FROM eclipse-temurin:25-jre
ARG MODULE
LABEL org.opencontainers.image.title="icm-${MODULE}" \
      org.opencontainers.image.description="ICM platform: ${MODULE}"
# The Temurin JRE image ships neither curl nor wget; the compose healthchecks use curl.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 icm \
    && useradd --system --uid 10001 --gid icm --home-dir /app --shell /usr/sbin/nologin icm
WORKDIR /app
COPY --from=build --chown=root:root /workspace/app.jar /app/app.jar
USER 10001:10001
# Heap from the container's memory limit; die on OOM so the orchestrator restarts a clean JVM.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
# exec: the JVM is PID 1 and gets SIGTERM directly, so Spring's graceful shutdown runs.
ENTRYPOINT ["/bin/sh", "-c", "exec java ${JAVA_OPTS} -jar /app/app.jar"]
