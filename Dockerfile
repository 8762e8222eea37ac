# syntax=docker/dockerfile:1
#
# The Tongzhou talent-policy bot. Build and run (see docs/deployment.md):
#
#   docker build -t tongzhou-talent-bot .
#   docker run --env-file .env -v talent-bot-data:/srv/talent-bot/data tongzhou-talent-bot
#
# Two stages: the builder installs the pinned dependencies and the project into a virtual
# environment; the final image copies that environment onto a clean base, owned by root, and runs
# it as an unprivileged user.

# ---- builder: a virtual environment with the pinned dependencies and the bot --------------------
FROM python:3.11-slim-bookworm AS builder

# The package index; a nearer mirror can be given with --build-arg PIP_INDEX_URL=...
ARG PIP_INDEX_URL=https://pypi.org/simple
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    VIRTUAL_ENV=/opt/talent-bot/venv
RUN python -m venv "$VIRTUAL_ENV"

# Dependencies first, from the lock file alone, so that editing the code reuses this layer.
# --no-deps plus `pip check`: the lock must list every dependency, or the build fails loudly.
COPY requirements.lock requirements-build.lock /tmp/locks/
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    "$VIRTUAL_ENV/bin/pip" install --no-deps --require-virtualenv -r /tmp/locks/requirements.lock

# The project itself, built by the pinned build backend (PIP_CONSTRAINT reaches pip's isolated
# build environment). The wheel carries the shipped knowledge base as bot/_shipped_knowledge.
COPY pyproject.toml README.md /tmp/src/
COPY bot /tmp/src/bot
COPY knowledge /tmp/src/knowledge
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    PIP_CONSTRAINT=/tmp/locks/requirements-build.lock \
    "$VIRTUAL_ENV/bin/pip" install --no-deps --require-virtualenv /tmp/src \
    && "$VIRTUAL_ENV/bin/pip" check

# ---- final: the runtime image --------------------------------------------------------------------
FROM python:3.11-slim-bookworm

# A fixed uid/gid, so that host folders mounted as volumes can be given to it (chown 10001:10001).
RUN groupadd --gid 10001 talent \
    && useradd --uid 10001 --gid talent --no-create-home \
        --home-dir /srv/talent-bot --shell /usr/sbin/nologin talent \
    && mkdir -p /srv/talent-bot/data \
    && chown talent:talent /srv/talent-bot/data \
    && chmod 0750 /srv/talent-bot/data

# The image's settings come before the code: they rarely change, so a code change rebuilds only
# the two COPY layers at the end.

# Every setting except the secrets (TELEGRAM_BOT_TOKEN, TALENT_BOT_WEBHOOK_SECRET), which are
# given at run time. An empty TALENT_BOT_WEBHOOK_URL means polling.
ENV PATH=/opt/talent-bot/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    TELEGRAM_API_BASE_URL=https://api.telegram.org/bot \
    TALENT_BOT_KNOWLEDGE_DIR=/srv/talent-bot/knowledge \
    TALENT_BOT_DATA_DIR=/srv/talent-bot/data \
    TALENT_BOT_CACHE_DIR=/srv/talent-bot/data/cache \
    TALENT_BOT_ADMIN_IDS= \
    TALENT_BOT_WEBHOOK_URL= \
    TALENT_BOT_LISTEN=0.0.0.0 \
    TALENT_BOT_PORT=8443 \
    TALENT_BOT_LOG_LEVEL=INFO \
    TALENT_BOT_RETENTION_DAYS=90

# The question log (SQLite), its salt, the heartbeat and the engine cache (data/cache: rebuilt
# when missing; it makes a restart with an unchanged knowledge base quick). The knowledge base is
# not a volume: the image ships one, and staff mount their folder over /srv/talent-bot/knowledge
# to serve it instead; edits go live without a restart.
VOLUME ["/srv/talent-bot/data"]
WORKDIR /srv/talent-bot

# The webhook port (TALENT_BOT_PORT); unused in polling mode, the default.
EXPOSE 8443

# Polling: the heartbeat the running bot refreshes is fresh. Webhook: the port accepts connections.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["talent-bot", "healthcheck"]

# The bot stops gracefully on SIGTERM: it finishes the updates in hand and flushes the log.
STOPSIGNAL SIGTERM
USER 10001:10001
CMD ["talent-bot", "run"]

# Code and the shipped knowledge base belong to root (COPY ignores USER): the bot can read them,
# never change them.
COPY --from=builder /opt/talent-bot/venv /opt/talent-bot/venv
COPY knowledge /srv/talent-bot/knowledge
