#!/usr/bin/env bash
# Build the stand-in for the Dockerfile's base image and tag it with the exact name in its FROM.
#
# The official Python image can't be pulled on CI machines, so this builds a Debian bookworm root
# filesystem with Debian's Python 3.11 and packs it as an image. It is a test fixture only: the
# shipped Dockerfile stays on the official slim base.
#
# Usage: scripts/container/build-base.sh [PYTHON]
#   PYTHON is the interpreter whose pip configuration names the CA bundle to trust (default python3).
#
# The result is cached: the image carries a label with a key computed from this recipe and the
# CA bundle, and a run that finds an image with the current key does nothing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=scripts/container/lib.sh
source "$here/lib.sh"

python=${1:-python3}
suite=bookworm
mirror=${TALENT_BOT_CI_DEBIAN_MIRROR:-http://deb.debian.org/debian}
packages=python3,python3-venv,python3-pip,ca-certificates,passwd
key_label=org.tongzhou.talent-bot.ci.base-key

base_image=$(dockerfile_base_image "$repo/Dockerfile")
[[ -n $base_image ]] || fail "no FROM in $repo/Dockerfile"
ca_bundle=$(host_pip_ca_bundle "$python")
key=$(cat "$0" "$ca_bundle" <(printf '%s\n' "$base_image" "$suite" "$mirror" "$packages") |
    sha256sum | cut -c1-16)

current=$(bh inspect --type image --format "{{index .OCIv1.Config.Labels \"$key_label\"}}" \
    "$base_image" 2>/dev/null || true)
if [[ $current == "$key" ]]; then
    note "stand-in $base_image is cached (key $key)"
    exit 0
fi

ensure_tools
work="$CACHE_DIR/base-$key"
tarball="$work/rootfs.tar"
if [[ ! -f $tarball ]]; then
    rm -rf "$work"
    mkdir -p "$work"
    rootfs="$work/rootfs"
    note "debootstrap $suite (about a minute) from $mirror"
    debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" \
        >"$work/debootstrap.log" 2>&1 || {
        tail -n 30 "$work/debootstrap.log" >&2
        fail "debootstrap failed (full log: $work/debootstrap.log)"
    }

    # pip inside the image build must trust what the host's pip trusts.
    cp "$ca_bundle" "$rootfs/etc/ssl/certs/ca-certificates.crt"
    # Like the official image: pip may install into the system Python.
    rm -f "$rootfs"/usr/lib/python3*/EXTERNALLY-MANAGED
    # Like the official image: `python` and `pip` are on the PATH, in /usr/local/bin.
    ln -sf /usr/bin/python3 "$rootfs/usr/local/bin/python"
    ln -sf /usr/bin/pip3 "$rootfs/usr/local/bin/pip"
    # Package caches and lists have no use in an image.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

    # Device nodes and mount points are the runtime's business, not the image's.
    tar --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
        -C "$rootfs" -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$rootfs"
fi

cat >"$work/Containerfile" <<EOF
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
LABEL $key_label=$key
CMD ["python3"]
EOF
note "packing $tarball as $base_image"
bh bud --isolation chroot --format docker --pull=never --layers=false --quiet \
    -f "$work/Containerfile" -t "$base_image" "$work" >/dev/null
# Older stand-ins are no longer needed.
find "$CACHE_DIR" -maxdepth 1 -name 'base-*' ! -name "base-$key" -exec rm -rf {} +
note "stand-in $base_image built (key $key)"
