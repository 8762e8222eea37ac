#!/usr/bin/env bash
# Build the real image with buildah (no Docker engine needed) and check it from the inside.
#
#   sudo scripts/container-check.sh        (as root; CI's .ci/run calls it)
#
# Environment: TALENT_BOT_CI_CACHE (cache folder), TALENT_BOT_CI_PYTHON (host Python with PyYAML,
# default .venv/bin/python), TALENT_BOT_CI_DEBIAN_MIRROR, TALENT_BOT_CI_IMAGE (tag to build),
# TALENT_BOT_CI_ONLY (run only these check functions, e.g. "check_cli check_data_volume").
#
# 1. builds the stand-in for the Dockerfile's base image (scripts/container/build-base.sh),
#    cached between runs under /var/cache/talent-bot-ci (TALENT_BOT_CI_CACHE to change it);
# 2. builds the real Dockerfile: buildah bud --isolation chroot --storage-driver vfs
#    --format docker --pull=never (layers cached, so a warm run rebuilds only what changed);
# 3. runs the image, as its own user, from its own working directory, and checks:
#    talent-bot check and ask; non-root and read-only code; talent-bot run answering through the
#    loopback fake Bot API from the tests, with talent-bot healthcheck passing while it runs and
#    failing once it stopped; a mounted knowledge folder whose edit goes live; a mounted data
#    folder whose question log survives a container restart; and webhook mode (the secret is
#    required, healthcheck follows the port).
#
# Every check runs even when an earlier one failed (except after a failed build); the summary at
# the end lists each, and the exit status is non-zero if any failed. Containers, background
# processes and temporary folders are cleaned up on exit, whatever happens.
#
# The check functions are called through `check TITLE FUNCTION`, which shellcheck cannot follow.
# shellcheck disable=SC2329
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
# shellcheck source=scripts/container/lib.sh
source "$here/container/lib.sh"

IMAGE=${TALENT_BOT_CI_IMAGE:-localhost/talent-bot:ci}
# Questions with a known answer in the shipped knowledge base.
QUESTION="how many talent projects has tongzhou supported"
EXPECTED="372"
SECOND_QUESTION="通州支持了多少人才项目？"

[[ $EUID -eq 0 ]] || fail "run as root (buildah's chroot isolation and debootstrap need it)"
cd "$repo"
# The host's Python runs the fake Bot API and the helpers; the repo's .venv has what they need.
host_python=${TALENT_BOT_CI_PYTHON:-$repo/.venv/bin/python}
[[ -x $host_python ]] || host_python=$(command -v python3)

# One check at a time on this machine: they share the image storage (lock on fd 9, which the
# long-running processes started below do not inherit). Containers left in it by
# an interrupted earlier run (buildah leaves its working containers when killed) go first.
mkdir -p "$CACHE_DIR"
exec 9>"$CACHE_DIR/lock"
if ! flock -n 9; then
    note "another container check is running; waiting for it"
    flock 9
fi
if command -v buildah >/dev/null && [[ -d $BUILDAH_ROOT ]]; then
    bh rm --all >/dev/null 2>&1 || true
fi

STATE=$(mktemp -d /tmp/talent-bot-ci.XXXXXX)
chmod 0755 "$STATE"
touch "$STATE/containers" "$STATE/pids" "$STATE/servers"
results=()
failed=0
started=$SECONDS

# ---- clean-up --------------------------------------------------------------------------------

# The processes a background `buildah run` started: its descendants that have no children
# (the bot itself; buildah does not forward signals to them).
leaf_descendants() {
    local pid=$1 children child
    children=$(cat /proc/"$pid"/task/*/children 2>/dev/null || true)
    if [[ -z ${children// /} ]]; then
        return 0
    fi
    for child in $children; do
        if [[ -z $(cat /proc/"$child"/task/*/children 2>/dev/null | tr -d ' ') ]]; then
            echo "$child"
        else
            leaf_descendants "$child"
        fi
    done
}

# Send SIGTERM to what a background `buildah run` runs, as `docker stop` would, and wait for it;
# SIGKILL after a grace period. Returns the exit status of the `buildah run`.
stop_container_process() {
    local runner=$1 grace=${2:-20} leaf waited=0 status=0
    if ! kill -0 "$runner" 2>/dev/null; then
        wait "$runner" 2>/dev/null || status=$?
        return "$status"
    fi
    for leaf in $(leaf_descendants "$runner"); do
        kill -TERM "$leaf" 2>/dev/null || true
    done
    while kill -0 "$runner" 2>/dev/null && ((waited < grace * 10)); do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$runner" 2>/dev/null; then
        note "still running after ${grace}s: SIGKILL"
        for leaf in $(leaf_descendants "$runner"); do
            kill -KILL "$leaf" 2>/dev/null || true
        done
    fi
    wait "$runner" 2>/dev/null || status=$?
    return "$status"
}

# Stop what a check started: bots, fake servers, containers. Runs when each check ends, and
# once more on exit.
release() {
    local pid name
    while read -r pid; do
        [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && stop_container_process "$pid" 5
    done <"$STATE/pids"
    while read -r pid; do
        [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done <"$STATE/servers"
    while read -r name; do
        [[ -n $name ]] && bh rm "$name" >/dev/null 2>&1
    done <"$STATE/containers"
    : >"$STATE/pids"
    : >"$STATE/servers"
    : >"$STATE/containers"
}

cleanup() {
    set +e
    release
    rm -rf "$STATE"
}
# Interrupted: end what the running check is waiting for (its direct children: a helper, a
# buildah command; not the bots, which release() stops gracefully), then the check itself,
# whose EXIT trap releases what it started.
CHECK_PID=
on_signal() {
    local child
    trap '' INT TERM
    if [[ -n $CHECK_PID ]]; then
        for child in $(pgrep -P "$CHECK_PID"); do
            grep -qx "$child" "$STATE/pids" || kill -TERM "$child" 2>/dev/null
        done
        kill -TERM "$CHECK_PID" 2>/dev/null
        wait "$CHECK_PID" 2>/dev/null
    fi
    exit 130
}
trap cleanup EXIT
trap on_signal INT TERM

# ---- helpers -----------------------------------------------------------------------------------

new_container() {
    local name
    name=$(bh from --pull-never --name "talent-bot-ci-$RANDOM$RANDOM" "$IMAGE")
    echo "$name" >>"$STATE/containers"
    echo "$name"
}

remove_container() {
    bh rm "$1" >/dev/null
    sed -i "/^$1\$/d" "$STATE/containers"
}

# Run a command in a container, as the image's user, from the image's working directory.
in_container() {
    local name=$1
    shift
    bh run --isolation chroot "$name" -- "$@"
}

image_env() {
    bh inspect --type image --format '{{range .OCIv1.Config.Env}}{{println .}}{{end}}' "$IMAGE" |
        sed -n "s/^$1=//p"
}

free_port() {
    "$host_python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

botapi() { "$host_python" "$here/container/botapi.py" "$@"; }

# A fake token, built here and never printed.
TOKEN="123456:$(printf 'A%.0s' {1..35})"

# Start the loopback fake Bot API from the bot's tests; sets FAKE_URL (its control address) and
# API_BASE (what TELEGRAM_API_BASE_URL should be).
start_fake_bot_api() {
    local port log="$STATE/fake-bot-api.log"
    port=$(free_port)
    "$host_python" "$repo/tests/telegram_bot/fake_bot_api.py" --port "$port" >"$log" 2>&1 9>&- &
    echo $! >>"$STATE/servers"
    FAKE_URL="http://127.0.0.1:$port"
    API_BASE="$FAKE_URL/bot"
    botapi wait-up --server "$FAKE_URL" || {
        cat "$log" >&2
        return 1
    }
}

# Start `talent-bot run` in a container in the background, against the fake Bot API, and wait
# until it polls (or, with WEBHOOK_MODE set, until it registered its webhook). Extra arguments go
# to `buildah run` (e.g. --volume). Sets BOT_RUNNER (the pid of `buildah run`).
start_bot() {
    local name=$1 log=$2
    shift 2
    bh run --isolation chroot \
        --env TELEGRAM_BOT_TOKEN="$TOKEN" --env TELEGRAM_API_BASE_URL="$API_BASE" \
        "$@" "$name" -- talent-bot run >"$log" 2>&1 9>&- &
    BOT_RUNNER=$!
    echo "$BOT_RUNNER" >>"$STATE/pids"
    local ready=(--method deleteWebhook --method getUpdates)
    if [[ -n ${WEBHOOK_MODE:-} ]]; then
        ready=(--method setWebhook)
    fi
    if ! botapi wait-ready --server "$FAKE_URL" --runner "$BOT_RUNNER" "${ready[@]}"; then
        tail -n 40 "$log" >&2
        return 1
    fi
}

stop_bot() {
    local log=$1 status=0
    stop_container_process "$BOT_RUNNER" || status=$?
    if ((status != 0)); then
        tail -n 40 "$log" >&2
        note "talent-bot run exited with status $status after SIGTERM (expected 0)"
        return 1
    fi
    note "talent-bot run stopped cleanly on SIGTERM"
}

# Run one check; record PASS or FAIL and keep going.
check() {
    local title=$1 status=0 begun=$SECONDS
    shift
    if [[ -n ${TALENT_BOT_CI_ONLY:-} && " $TALENT_BOT_CI_ONLY " != *" $1 "* && $1 != build_* ]]; then
        results+=("SKIP  $title (not in TALENT_BOT_CI_ONLY)")
        return 0
    fi
    step "$title"
    # A subshell, so that `fail` ends only this check; errexit stays on inside it because it is
    # not part of a condition. It runs in the background so that `wait` returns at once when
    # this script is interrupted, and on_signal can stop it.
    set +e
    (
        set -e
        trap 'set +e; release' EXIT
        trap 'exit 130' INT TERM
        "$@"
    ) &
    CHECK_PID=$!
    wait "$CHECK_PID"
    status=$?
    CHECK_PID=
    set -e
    if ((status == 0)); then
        results+=("PASS  $title ($((SECONDS - begun))s)")
    else
        results+=("FAIL  $title ($((SECONDS - begun))s)")
        failed=1
    fi
}

summary() {
    step "summary ($((SECONDS - started))s)"
    printf '     %s\n' "${results[@]}"
}

# ---- the checks --------------------------------------------------------------------------------

build_base() {
    ensure_tools
    "$here/container/build-base.sh" "$host_python"
}

build_image() {
    # vfs stores every layer as a full copy; start afresh if old builds have piled up.
    local used
    used=$(du -sm "$BUILDAH_ROOT" 2>/dev/null | cut -f1 || echo 0)
    if ((used > ${TALENT_BOT_CI_MAX_STORAGE_MB:-20000})); then
        note "image storage holds ${used} MB: dropping cached build layers"
        bh rmi --prune >/dev/null || true
    fi
    # pip in the build uses PyPI, as on any machine, unless the host's pip is configured with
    # another web index: then that one (a file:// index on the host means nothing in the build).
    local index build_args=()
    index=${PIP_INDEX_URL:-$("$host_python" -m pip config get global.index-url 2>/dev/null || true)}
    if [[ $index == http://* || $index == https://* ]]; then
        note "package index: the one the host's pip is configured with"
        build_args+=(--build-arg "PIP_INDEX_URL=$index")
    fi
    bh bud --isolation chroot --format docker --pull=never --layers "${build_args[@]}" \
        -f "$repo/Dockerfile" -t "$IMAGE" "$repo"
}

check_image_config() {
    local user health cmd stop
    user=$(bh inspect --type image --format '{{.Docker.Config.User}}' "$IMAGE")
    health=$(bh inspect --type image --format '{{if .Docker.Config.Healthcheck}}{{.Docker.Config.Healthcheck.Test}}{{end}}' "$IMAGE")
    cmd=$(bh inspect --type image --format '{{.Docker.Config.Cmd}}' "$IMAGE")
    stop=$(bh inspect --type image --format '{{.Docker.Config.StopSignal}}' "$IMAGE")
    note "user: $user; cmd: $cmd; healthcheck: $health; stop signal: $stop"
    [[ -n $user && ${user%%:*} != 0 && ${user%%:*} != root ]] || fail "the image runs as root"
    [[ $health == *"talent-bot healthcheck"* ]] || fail "no HEALTHCHECK calling talent-bot healthcheck"
    [[ $cmd == "[talent-bot run]" ]] || fail "CMD is not talent-bot run"
    [[ $stop == SIGTERM ]] || fail "STOPSIGNAL is not SIGTERM"
    [[ -z $(image_env TELEGRAM_BOT_TOKEN) && -z $(image_env TALENT_BOT_WEBHOOK_SECRET) ]] ||
        fail "a secret is baked into the image"
}

check_cli() {
    local name out workdir knowledge
    name=$(new_container)
    workdir=$(bh inspect --type image --format '{{.OCIv1.Config.WorkingDir}}' "$IMAGE")
    knowledge=$(image_env TALENT_BOT_KNOWLEDGE_DIR)
    # shellcheck disable=SC2016 # expanded by the shell in the container, not here
    out=$(in_container "$name" sh -c 'echo "$(id -u) $(pwd) $TALENT_BOT_KNOWLEDGE_DIR"')
    note "uid, working directory, knowledge folder: $out"
    [[ $out == "10001 $workdir $knowledge" ]] || fail "expected: 10001 $workdir $knowledge"

    note "\$ talent-bot check"
    in_container "$name" talent-bot check || fail "talent-bot check failed"

    note "\$ talent-bot ask --json \"$QUESTION\""
    out=$(in_container "$name" talent-bot ask --json "$QUESTION") || fail "talent-bot ask failed"
    printf '%s\n' "$out" | head -c 2000
    echo
    printf '%s' "$out" | botapi expect-answer --contains "$EXPECTED" ||
        fail "the answer does not say $EXPECTED"
    remove_container "$name"
}

# Staff mount their knowledge folder over the image's; the commands must read that one.
check_cli_mounted_knowledge() {
    local name out knowledge="$STATE/knowledge-cli" marker
    cp -r "$repo/knowledge" "$knowledge"
    chmod -R a+rX "$knowledge"
    marker="Edited on the host, check $(LC_ALL=C tr '0-9' 'a-j' <<<"$RANDOM$RANDOM")."
    botapi edit-answer --knowledge "$knowledge" --expect "$EXPECTED" --marker "$marker"
    name=$(new_container)
    local mount
    mount="$knowledge:$(image_env TALENT_BOT_KNOWLEDGE_DIR):ro"
    note "\$ talent-bot check   (knowledge folder mounted from $knowledge)"
    bh run --isolation chroot --volume "$mount" "$name" -- talent-bot check ||
        fail "talent-bot check failed on the mounted folder"
    note "\$ talent-bot ask --json \"$QUESTION\"   (same mount)"
    out=$(bh run --isolation chroot --volume "$mount" "$name" -- talent-bot ask --json "$QUESTION")
    printf '%s' "$out" | botapi expect-answer --contains "$marker" ||
        fail "talent-bot ask did not answer from the mounted folder at \$TALENT_BOT_KNOWLEDGE_DIR"
    remove_container "$name"
}

check_user_and_code() {
    local name uid package
    name=$(new_container)
    uid=$(in_container "$name" id -u)
    note "id -u: $uid"
    ((uid != 0)) || fail "the process runs as root"
    package=$(in_container "$name" python -c 'import bot, os; print(os.path.dirname(bot.__file__))')
    note "code: $package"
    local target
    for target in "$package" "$(dirname "$package")" /opt/talent-bot/venv/bin \
        "$(image_env TALENT_BOT_KNOWLEDGE_DIR)"; do
        # buildah reports the expected failure on stderr; only the status matters here.
        if in_container "$name" sh -c "touch '$target/.written-by-bot'" 2>/dev/null; then
            fail "the bot's user can write into $target"
        fi
        note "cannot write into $target: good"
    done
    if in_container "$name" sh -c "echo x > '$package/cli.py'" 2>/dev/null; then
        fail "the bot's user can modify $package/cli.py"
    fi
    note "cannot modify $package/cli.py: good"
    # The data folder, by contrast, is the bot's to write.
    # shellcheck disable=SC2016 # expanded by the shell in the container, not here
    in_container "$name" sh -c 'touch "$TALENT_BOT_DATA_DIR/.probe" && rm "$TALENT_BOT_DATA_DIR/.probe"' ||
        fail "the bot's user cannot write into its data folder"
    note "can write into the data folder: good"
    remove_container "$name"
}

check_run_and_health() {
    local name log="$STATE/run.log" status=0
    start_fake_bot_api
    name=$(new_container)
    note "\$ talent-bot run   (TELEGRAM_API_BASE_URL=$API_BASE)"
    start_bot "$name" "$log"
    botapi ask --server "$FAKE_URL" --chat 1001 --text "$QUESTION" --expect "$EXPECTED" ||
        fail "no answer with $EXPECTED was sent"

    note "\$ talent-bot healthcheck   (while the bot runs)"
    in_container "$name" talent-bot healthcheck || fail "healthcheck failed while the bot runs"

    stop_bot "$log" || status=1
    note "\$ talent-bot healthcheck   (after the bot stopped)"
    if in_container "$name" talent-bot healthcheck 2>/dev/null; then
        fail "healthcheck passed after the bot stopped"
    fi
    note "healthcheck failed, as it should"
    ((status == 0)) || fail "the bot did not stop cleanly"
    if grep -q -F "$TOKEN" "$log"; then
        fail "the token appears in the bot's output"
    fi
    remove_container "$name"
}

check_knowledge_hot_reload() {
    local name log="$STATE/reload.log" knowledge="$STATE/knowledge" marker
    start_fake_bot_api
    cp -r "$repo/knowledge" "$knowledge"
    chmod -R a+rX "$knowledge"
    name=$(new_container)
    note "knowledge folder mounted read-only from $knowledge"
    start_bot "$name" "$log" --volume "$knowledge:$(image_env TALENT_BOT_KNOWLEDGE_DIR):ro"
    botapi ask --server "$FAKE_URL" --chat 1002 --text "$QUESTION" --expect "$EXPECTED" ||
        fail "no answer before the edit"
    # Letters only: numbers in an answer must match its quote, and this must stay a valid edit.
    marker="Edited on the host, check $(LC_ALL=C tr '0-9' 'a-j' <<<"$RANDOM$RANDOM")."
    botapi edit-answer --knowledge "$knowledge" --expect "$EXPECTED" --marker "$marker" ||
        fail "could not edit the answer"
    botapi ask --server "$FAKE_URL" --chat 1002 --text "$QUESTION" --expect "$marker" \
        --retry-for 30 || fail "the edit did not go live"
    stop_bot "$log"
    remove_container "$name"
}

check_data_volume() {
    local name log="$STATE/data.log" data="$STATE/data" uid before after
    start_fake_bot_api
    uid=$(bh inspect --type image --format '{{.Docker.Config.User}}' "$IMAGE")
    mkdir -p "$data"
    chown "${uid%%:*}:${uid##*:}" "$data"
    chmod 0750 "$data"
    local mount
    mount="$data:$(image_env TALENT_BOT_DATA_DIR)"

    name=$(new_container)
    note "first container, data folder mounted from $data"
    start_bot "$name" "$log" --volume "$mount"
    botapi ask --server "$FAKE_URL" --chat 1003 --text "$QUESTION" --expect "$EXPECTED" ||
        fail "no answer from the first container"
    stop_bot "$log"
    remove_container "$name"
    before=$(botapi log-rows --data "$data") || fail "no question log in $data"
    note "question log after the first container: $before"

    name=$(new_container)
    note "second container, same data folder"
    start_bot "$name" "$log" --volume "$mount"
    botapi ask --server "$FAKE_URL" --chat 1003 --text "$SECOND_QUESTION" --expect "$EXPECTED" ||
        fail "no answer from the second container"
    stop_bot "$log"
    remove_container "$name"
    after=$(botapi log-rows --data "$data" --keeps "$before") ||
        fail "the question log lost rows across the restart"
    note "question log after the second container: $after"
}

check_webhook_mode() {
    local name log="$STATE/webhook.log" port secret status=0
    start_fake_bot_api
    port=$(free_port)
    secret=$(LC_ALL=C tr '0-9' 'a-j' <<<"$RANDOM$RANDOM$RANDOM")
    # Loopback only: the container shares the host's network.
    local settings=(--env TALENT_BOT_WEBHOOK_URL=https://bot.example.org/telegram
        --env TALENT_BOT_WEBHOOK_SECRET="$secret"
        --env TALENT_BOT_LISTEN=127.0.0.1 --env TALENT_BOT_PORT="$port")
    name=$(new_container)
    note "\$ talent-bot run   (webhook mode, listening on 127.0.0.1:$port)"
    WEBHOOK_MODE=1 start_bot "$name" "$log" "${settings[@]}"
    botapi webhook-ask --server "$FAKE_URL" --webhook "http://127.0.0.1:$port/telegram" \
        --secret "$secret" --chat 1004 --text "$QUESTION" --expect "$EXPECTED" ||
        fail "the webhook did not answer as it should"

    note "\$ talent-bot healthcheck   (while the bot runs)"
    bh run --isolation chroot "${settings[@]}" "$name" -- talent-bot healthcheck ||
        fail "healthcheck failed while the webhook is served"
    stop_bot "$log" || status=1
    note "\$ talent-bot healthcheck   (after the bot stopped)"
    if bh run --isolation chroot "${settings[@]}" "$name" -- talent-bot healthcheck 2>/dev/null; then
        fail "healthcheck passed after the bot stopped"
    fi
    note "healthcheck failed, as it should"
    ((status == 0)) || fail "the bot did not stop cleanly"
    if grep -q -F "$secret" "$log"; then
        fail "the webhook secret appears in the bot's output"
    fi
    remove_container "$name"
}

# ---- main --------------------------------------------------------------------------------------

check "stand-in base image (debootstrap, cached)" build_base
if ((failed)); then
    summary
    exit 1
fi
check "build the real Dockerfile" build_image
if ((failed)); then
    summary
    exit 1
fi
check "image configuration" check_image_config
check "talent-bot check and ask in the image" check_cli
check "talent-bot check and ask read a knowledge folder mounted at the image's path" \
    check_cli_mounted_knowledge
check "non-root user, read-only code" check_user_and_code
check "talent-bot run against the fake Bot API; healthcheck while running and after stop" \
    check_run_and_health
check "mounted knowledge folder: an edit goes live (hot reload)" check_knowledge_hot_reload
check "mounted data folder: the question log survives a container restart" check_data_volume
check "webhook mode: the secret is required, a question is answered, healthcheck checks the port" \
    check_webhook_mode
summary
exit "$failed"
