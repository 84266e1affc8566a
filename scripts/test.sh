#!/usr/bin/env bash
# Builds the solution and runs every test: the domain and page tests, and the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's chromium for the browser tests and python3-aiosmtpd, the SMTP server the mail tests start on loopback:
# whichever is missing is installed, with one apt-get for both.
missing=()
if [[ -z "${PSP_CHROMIUM:-}" && ! -x /usr/bin/chromium ]]; then missing+=(chromium); fi
if ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then missing+=(python3-aiosmtpd); fi
if (( ${#missing[@]} > 0 )); then
    echo "Installing Debian's ${missing[*]} for the tests"
    if [[ "$(id -u)" -eq 0 ]]; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    elif command -v sudo >/dev/null; then
        sudo apt-get update
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    else
        echo "${missing[*]} missing and there is neither root nor sudo to install it" >&2
        exit 1
    fi
fi

# Playwright drives the installed Chromium; it must never try to download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

dotnet test PspPortal.sln
