#!/usr/bin/env bash
# Builds the solution and runs every test: the domain and page tests, and the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${PSP_CHROMIUM:-}" && ! -x /usr/bin/chromium ]]; then
    echo "Installing Debian's chromium for the browser tests"
    if [[ "$(id -u)" -eq 0 ]]; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
    elif command -v sudo >/dev/null; then
        sudo apt-get update
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
    else
        echo "chromium is missing and there is neither root nor sudo to install it" >&2
        exit 1
    fi
fi

# Playwright drives the installed Chromium; it must never try to download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

dotnet test PspPortal.sln
