# shellcheck shell=bash
# Shared helpers for the container check. Sourced, not executed.
#
# Everything buildah does here lives in its own storage under the cache folder, so the check
# neither depends on nor disturbs any other image store on the machine, and a warm run finds the
# stand-in base and the build layers it left behind.

CACHE_DIR=${TALENT_BOT_CI_CACHE:-/var/cache/talent-bot-ci}
BUILDAH_ROOT="$CACHE_DIR/storage"
BUILDAH_RUNROOT=${TALENT_BOT_CI_RUNROOT:-/run/talent-bot-ci}

step() { printf '\n==== %s\n' "$*"; }
note() { printf '     %s\n' "$*"; }
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

bh() {
    buildah --root "$BUILDAH_ROOT" --runroot "$BUILDAH_RUNROOT" --storage-driver vfs "$@"
}

# The first FROM of a Dockerfile: the base image's exact name.
dockerfile_base_image() {
    awk 'toupper($1) == "FROM" { for (i = 2; i <= NF; i++) if ($i !~ /^--/) { print $i; exit } }' "$1"
}

# The CA bundle the host's pip trusts (pip's `cert` setting), so that pip inside the stand-in
# trusts exactly what pip on the host trusts.
host_pip_ca_bundle() {
    local python=$1 bundle
    bundle=$("$python" -m pip config list 2>/dev/null |
        sed -n "s/^[^=]*\\.cert='\\(.*\\)'\$/\\1/p" | head -n 1)
    if [[ -z $bundle ]]; then
        bundle=${PIP_CERT:-}
    fi
    if [[ -z $bundle ]]; then
        bundle=$("$python" -c 'import pip._vendor.certifi as c; print(c.where())' 2>/dev/null || true)
    fi
    if [[ -z $bundle || ! -f $bundle ]]; then
        bundle=/etc/ssl/certs/ca-certificates.crt
    fi
    printf '%s\n' "$bundle"
}

# Install the Debian packages the check needs, if any is missing (CI starts from a clean machine).
ensure_tools() {
    local missing=()
    command -v buildah >/dev/null || missing+=(buildah)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    if ((${#missing[@]})); then
        note "installing ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}
