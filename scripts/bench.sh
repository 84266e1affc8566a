#!/usr/bin/env bash
# Measures the portal's main pages at scale (docs/performance.md). One command:
#   builds in Release; generates 1,000 sites with 10,000 and then 100,000 TTA requests into a temporary SQLite file
#   (never the development database); starts the portal on loopback; signs in as BJA staff; drives each page with
#   `wrk -t2 -c16 -d5s`; prints each page's throughput, its share of the sign-in page's (the stack's ceiling, measured
#   in the same run), p50, p99, the growth of p50 from 10k to 100k, and the portal's peak memory (VmHWM).
# Options (environment):
#   PSP_BENCH_MILLION=1     also runs 1,000,000 requests (several minutes more; not for CI)
#   PSP_BENCH_SIZES="..."   the request counts to run instead (e.g. "10000"), smallest first
#   PSP_BENCH_DURATION=5s   how long wrk drives each page;  PSP_BENCH_PORT=5199  the loopback port
#   PSP_BENCH_WARMUP=3s     how long each page is driven, twice round all pages, before any is measured
#   PSP_BENCH_KEEP=1        keeps the temporary folder (databases, logs) and prints where it is
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

sites=1000
sizes=${PSP_BENCH_SIZES:-"10000 100000"}
if [[ "${PSP_BENCH_MILLION:-0}" == 1 || "${1:-}" == "--million" ]]; then
    sizes="$sizes 1000000"
fi
duration=${PSP_BENCH_DURATION:-5s}
warmup=${PSP_BENCH_WARMUP:-3s}
port=${PSP_BENCH_PORT:-5199}
base="http://127.0.0.1:$port"
email=bja@psp.example
password=${PSP_BENCH_PASSWORD:-Demo-Portal-2026!}

if ! command -v wrk >/dev/null; then
    echo "Installing wrk from Debian"
    if [[ "$(id -u)" -eq 0 ]]; then
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk
    elif command -v sudo >/dev/null; then
        sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y wrk
    else
        echo "wrk is missing and there is neither root nor sudo to install it" >&2
        exit 1
    fi
fi

work=$(mktemp -d -t psp-bench.XXXXXX)
portal_pid=
cleanup() {
    if [[ -n "$portal_pid" ]] && kill -0 "$portal_pid" 2>/dev/null; then
        kill "$portal_pid" 2>/dev/null || true
        wait "$portal_pid" 2>/dev/null || true
    fi
    if [[ "${PSP_BENCH_KEEP:-0}" == 1 ]]; then echo "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "Building in Release"
dotnet build "$root/src/PspPortal.Web/PspPortal.Web.csproj" -c Release -nologo -v q -o "$work/app" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }

# Development, because outside it the portal answers over HTTPS only (Secure cookies, HSTS) and asks BJA staff for a
# second factor in Production; the build, the pipeline and the queries are the Release ones. Start-up neither
# migrates nor seeds (generate-data did both), and the request log goes to a file.
# It execs dotnet, so that `run_portal ... &` leaves the portal's own PID in $! (for its memory and for stopping it).
cd src/PspPortal.Web
run_portal() {
    exec env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
        ConnectionStrings__Portal="Data Source=$1" Database__MigrateOnStartup=false Demo__Seed=false \
        dotnet "$work/app/PspPortal.Web.dll" "${@:2}"
}

declare -A rps p50 p99 kb
results=()
order=()
summary_pages=()

measure() { # size label url [cookie]
    local size=$1 label=$2 url=$3 header=()
    [[ -n "${4:-}" ]] && header=(-H "Cookie: $4")
    # Every page was warmed before the first run (see warm_up). A long timeout, so that a slow page is measured as
    # slow rather than dropped as a socket error.
    local line
    line=$(wrk -t2 -c16 -d"$duration" --timeout 30s -s "$root/scripts/bench.lua" "${header[@]}" "$base$url" | grep '^RESULT')
    read -r _ n r q50 q99 bad socket size_kb <<<"$line"
    if (( bad > 0 || socket > 0 )); then
        echo "ERROR: $label at $size requests: $bad answers not 2xx, $socket socket errors" >&2
        failures=$((failures + 1))
    fi
    if (( n == 0 )); then
        # Not one answer within the run: the page is slower than the run is long.
        q50=">$duration"; q99=">$duration"
    fi
    rps[$size,$label]=$r; p50[$size,$label]=$q50; p99[$size,$label]=$q99; kb[$size,$label]=$size_kb
    printf '  %-34s %8s req/s  p50 %8s ms  p99 %8s ms  %6s KB\n' "$label" "$r" "$q50" "$q99" "$size_kb"
}

# The runtime compiles each method first quickly, then again optimised once it is hot (tiered compilation with
# profile-guided optimisation): a freshly started portal answers the sign-in page at a third of its settled rate for
# its first 20-30 seconds. Measured that way, the ceiling was the coldest page of the run (920 req/s where it settles
# at 5,000-6,500 on this machine). So every page is driven twice round, with the same client, before any is measured.
warm_up() { # pages...
    local page label url auth header
    for _ in 1 2; do
        for page in "$@"; do
            IFS='|' read -r label url auth <<<"$page"
            header=()
            [[ -n "$auth" ]] && header=(-H "Cookie: $cookie")
            wrk -t2 -c16 -d"$warmup" --timeout 30s "${header[@]}" "$base$url" >/dev/null 2>&1 || true
        done
    done
}

failures=0
declare -A peak
for size in $sizes; do
    db="$work/bench-$size.db"
    echo "Generating $sites sites and $size requests into $db"
    started=$SECONDS
    (run_portal "$db" generate-data --sites "$sites" --requests "$size") >"$work/generate-$size.log" 2>&1 \
        || { tail -20 "$work/generate-$size.log"; exit 1; }
    echo "  generated in $((SECONDS - started)) s ($(grep -h '^Done in' "$work/generate-$size.log") for the synthetic program itself)"

    run_portal "$db" --urls "$base" >"$work/portal-$size.log" 2>&1 &
    portal_pid=$!
    for _ in $(seq 1 120); do
        curl -fs "$base/healthz" >/dev/null 2>&1 && break
        sleep 0.5
    done
    curl -fs "$base/healthz" >/dev/null || { echo "The portal did not start" >&2; tail -30 "$work/portal-$size.log"; exit 1; }

    # Sign in through the real form: the antiforgery cookie and token come from the sign-in page.
    jar="$work/cookies-$size.txt"
    token=$(curl -fs -c "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
    curl -fs -b "$jar" -c "$jar" -o /dev/null \
        --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
        --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
    cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
    home=$(curl -fs -H "Cookie: $cookie" "$base/")
    grep -q "Morgan Reyes" <<<"$home" || { echo "Signing in as $email failed" >&2; exit 1; }

    # One record of each kind to open, found the way a person would: from the lists.
    tta_id=$(curl -fs -H "Cookie: $cookie" "$base/Tta" | grep -o 'href="/Tta/[0-9]*"' | head -1 | grep -o '[0-9]*')
    site_id=$(curl -fs -H "Cookie: $cookie" "$base/Sites" | grep -o 'href="/Sites/[0-9]*"' | head -1 | grep -o '[0-9]*')
    cohort_id=$(curl -fs -H "Cookie: $cookie" "$base/Cohorts" | grep -o 'href="/Cohorts/[0-9]*"' | tail -1 | grep -o '[0-9]*')

    echo "Driving the pages at $size requests (wrk -t2 -c16 -d$duration)"
    pages=(
        "sign-in page (ceiling)|/Account/Login|"
        "/|/|x"
        "/Tta|/Tta|x"
        "/Tta?status=Submitted&q=review|/Tta?status=Submitted&q=review|x"
        "/Tta/{id}|/Tta/$tta_id|x"
        "/Sites|/Sites|x"
        "/Sites/{id}|/Sites/$site_id|x"
        "/Cohorts|/Cohorts|x"
        "/Cohorts/{id}|/Cohorts/$cohort_id|x"
        "/Milestones|/Milestones|x"
    )
    echo "  warming every page up ($warmup each, twice round)"
    warm_up "${pages[@]}"
    summary_pages=()
    for page in "${pages[@]}"; do
        IFS='|' read -r label url auth <<<"$page"
        summary_pages+=("$label")
        measure "$size" "$label" "$url" "${auth:+$cookie}"
    done

    peak[$size]=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$portal_pid/status")
    echo "  peak memory (VmHWM): ${peak[$size]} MB"
    kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true; portal_pid=
done

read -r -a all <<<"$sizes"
first=${all[0]}
last=${all[${#all[@]}-1]}
ceiling="sign-in page (ceiling)"
echo
echo "Results ($sites sites; wrk -t2 -c16 -d$duration; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ))"
printf '| %-32s |' "page"
for size in $sizes; do printf ' req/s %s | share %s | p50 ms %s | p99 ms %s |' "$size" "$size" "$size" "$size"; done
printf ' p50 growth %s→%s | KB |\n' "$first" "$last"
printf '| --- |'
for _ in $sizes; do printf ' ---: | ---: | ---: | ---: |'; done
printf ' ---: | ---: |\n'
for label in "${summary_pages[@]}"; do
    printf '| %-32s |' "$label"
    for size in $sizes; do
        share=$(awk -v a="${rps[$size,$label]}" -v b="${rps[$size,$ceiling]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
        printf ' %s | %s | %s | %s |' "${rps[$size,$label]}" "$share" "${p50[$size,$label]}" "${p99[$size,$label]}"
    done
    growth=$(awk -v a="${p50[$first,$label]}" -v b="${p50[$last,$label]}" 'BEGIN { if (a ~ /^>/ || b ~ /^>/) print "–"; else printf "%+.0f%%", (a > 0 ? (b / a - 1) * 100 : 0) }')
    printf ' %s | %s |\n' "$growth" "${kb[$last,$label]}"
done
printf '| peak memory (VmHWM) |'
for size in $sizes; do printf ' %s MB | | | |' "${peak[$size]}"; done
printf ' | |\n'

if (( failures > 0 )); then
    echo "$failures page run(s) had errors" >&2
    exit 1
fi
