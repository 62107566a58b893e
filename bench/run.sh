#!/usr/bin/env bash
# Benchmarks canon against the tools people would otherwise reach for, in one
# run, and prints the ratios the README records.
#
#   bench/run.sh            # 200,000-row module list, plus a 1,000,000-row memory check
#   bench/run.sh 50000      # another size (the memory check is skipped)
#   SERVE_SECS=10 bench/run.sh   # longer load test per page (default 5 s)
#
# Needs python3 and ../shared/bench/gen_corpus.py (the inputs), sqlite3 and
# sqlite-utils (the references: apt-get install sqlite3; pip install sqlite-utils),
# and GNU time for peak memory (apt-get install time); wrk and curl for the
# canon serve load test (apt-get install wrk curl; skipped without them).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-200000}
runs=${RUNS:-5}
gen=../shared/bench/gen_corpus.py
[ -f "$gen" ] || { echo "bench: $gen not found (it lives in the shared folder next to the clone)" >&2; exit 1; }
for tool in sqlite3 sqlite-utils python3; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }
done

cargo build --release --quiet
canon=$PWD/target/release/canon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$gen" modules "$rows" > "$work/modules.csv"
python3 "$gen" reading 5000 > "$work/reading.csv"
echo "input: $rows module rows ($(du -h "$work/modules.csv" | cut -f1)), $runs runs each, median wall time"

# Median wall time in seconds of a command, a fresh database for each run.
median() {
    local times=()
    for _ in $(seq "$runs"); do
        rm -f "$work"/*.db "$work"/*.db-wal "$work"/*.db-shm
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=("$(( (end - start) / 1000 ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f\n", a[int((NR+1)/2)] / 1e6}'
}

t_canon=$(median "$canon" --db "$work/canon.db" import modules "$work/modules.csv")
t_sqlite=$(median sqlite3 "$work/ref.db" ".import --csv $work/modules.csv modules")
t_utils=$(median sqlite-utils insert "$work/utils.db" modules "$work/modules.csv" --csv)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
pdfpages() { python3 -c "import re, sys; print(len(re.findall(rb'/Type /Page\\b', open(sys.argv[1], 'rb').read())))" "$1"; }
echo
printf '%-58s %8s s\n' "canon import modules (tags and full-text index included)" "$t_canon"
printf '%-58s %8s s   canon / sqlite3 = %s× (bar: at most 2.5×)\n' "sqlite3 .import into one table" "$t_sqlite" "$(ratio "$t_canon" "$t_sqlite")"
printf '%-58s %8s s   sqlite-utils / canon = %s× (bar: at least 20×)\n' "sqlite-utils insert --csv" "$t_utils" "$(ratio "$t_utils" "$t_canon")"

# Analysis and report on the imported curriculum.
"$canon" --db "$work/canon.db" import modules "$work/modules.csv" >/dev/null 2>&1
"$canon" --db "$work/canon.db" import reading "$work/reading.csv" >/dev/null 2>&1
timed() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    awk -v ns="$(( end - start ))" 'BEGIN {printf "%.3f", ns / 1e9}'
}
echo
printf '%-58s %8s s\n' "canon coverage --format csv" "$(timed "$canon" --db "$work/canon.db" coverage --format csv)"

# The report over 200 modules (5,000 sessions) and 5,000 readings.
python3 "$gen" modules 5000 > "$work/m5k.csv"
"$canon" --db "$work/report.db" import modules "$work/m5k.csv" >/dev/null 2>&1
"$canon" --db "$work/report.db" import reading "$work/reading.csv" >/dev/null 2>&1
# Median wall time and the largest peak memory (GNU time) over the runs.
report_runs() {
    local times=() peak=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/report.time" "$canon" --db "$work/report.db" report "$work/report.pdf" >/dev/null 2>&1
        read -r secs kb < "$work/report.time"
        times+=("$secs")
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$(( peak / 1024 ))"
}
if [ -x /usr/bin/time ]; then
    read -r t_report mib_report < <(report_runs)
    printf '%-58s %8s s   peak memory %s MiB (bars: at most 1 s, under 150 MiB)\n' \
        "canon report, 200 modules and 5,000 readings ($(pdfpages "$work/report.pdf") pages)" "$t_report" "$mib_report"
else
    printf '%-58s %8s s   (bar: at most 1 s; install GNU time for peak memory)\n' \
        "canon report, 200 modules and 5,000 readings (PDF)" "$(timed "$canon" --db "$work/report.db" report "$work/report.pdf")"
fi

# Layout time in proportion to text length: the sample report with a long
# title, a long theme slug and a long reference, each at half and full length
# (the ratio should be about 2; a refused input is reported as such).
long_text() { python3 -c "import sys; w = sys.argv[1]; n = int(sys.argv[2]); print((w * (n // len(w) + 1))[:n])" "$1" "$2"; }
long_db() {
    rm -f "$work/long.db"*
    "$canon" --db "$work/long.db" audit samples/modules.csv samples/reading.csv --out "$work/long.pdf" >/dev/null 2>&1
}
timed_or_refused() {
    local start end
    start=$(date +%s%N)
    if "$@" >/dev/null 2>&1; then
        end=$(date +%s%N)
        awk -v ns="$(( end - start ))" 'BEGIN {printf "%.3f", ns / 1e9}'
    else
        printf 'refused'
    fi
}
proportion() {
    local what=$1 half=$2 full=$3
    if [ "$half" = refused ] || [ "$full" = refused ]; then
        printf '%-58s %8s     (input refused by the length limits)\n' "$what" "$full"
    else
        printf '%-58s %8s s   half as long: %s s, ratio %s\n' "$what" "$full" "$half" "$(ratio "$full" "$half")"
    fi
}
long_db
t_half=$(timed_or_refused "$canon" --db "$work/long.db" report "$work/t.pdf" --title "$(long_text 'Decolonising the curriculum ' 65000)")
t_full=$(timed_or_refused "$canon" --db "$work/long.db" report "$work/t.pdf" --title "$(long_text 'Decolonising the curriculum ' 130000)")
proportion "canon report --title of 130 KB (sample curriculum)" "$t_half" "$t_full"
for n in 6500 13000; do
    long_db
    slug=$(long_text 'long-theme-' "$n" | sed 's/-*$//')
    if "$canon" --db "$work/long.db" theme add "$slug" >/dev/null 2>&1 \
        && "$canon" --db "$work/long.db" tag "$("$canon" --db "$work/long.db" item list --module MED1001 --format csv | sed -n '2p' | cut -d, -f1)" "$slug" --by bench >/dev/null 2>&1; then
        t=$(timed_or_refused "$canon" --db "$work/long.db" report "$work/s.pdf")
    else
        t=refused
    fi
    if [ "$n" = 6500 ]; then t_half=$t; else t_full=$t; fi
done
proportion "canon report, a theme slug of 13 KB (sample curriculum)" "$t_half" "$t_full"
for n in 500000 1000000; do
    long_db
    { echo "title,authors,year,type,themes,status"; echo "$(long_text 'a very long reference ' "$n"),\"Okafor, Chidi\",2020,article,epistemic-bias,approved"; } > "$work/long.csv"
    if "$canon" --db "$work/long.db" import reading "$work/long.csv" >/dev/null 2>&1; then
        t=$(timed_or_refused "$canon" --db "$work/long.db" report "$work/r.pdf")
    else
        t=refused
    fi
    if [ "$n" = 500000 ]; then t_half=$t; else t_full=$t; fi
done
proportion "canon report, a reference of 1 MB (sample curriculum)" "$t_half" "$t_full"

# Memory stays flat as files grow: peak RSS of a 1,000,000-row import.
if [ "$rows" = 200000 ] && [ -x /usr/bin/time ]; then
    python3 "$gen" modules 1000000 > "$work/big.csv"
    rm -f "$work/big.db"*
    /usr/bin/time -f '%M %e' -o "$work/mem" "$canon" --db "$work/big.db" import modules "$work/big.csv" >/dev/null 2>&1
    read -r kb secs < "$work/mem"
    echo
    printf '%-58s %8s s   peak memory %s MiB (bar: under 64 MiB)\n' "canon import modules, 1,000,000 rows" "$secs" "$(( kb / 1024 ))"
fi

# Analysis at scale: gaps (bar: under 1 s) and suggestions over every item (bar: under 5 s).
echo
printf '%-58s %8s s   (bar: under 1 s)\n' "canon gaps --format json, ranked proposals ($rows items)" "$(timed "$canon" --db "$work/canon.db" gaps --format json)"
printf '%-58s %8s s   (bar: under 5 s)\n' "canon suggest --format json ($rows items)" "$(timed "$canon" --db "$work/canon.db" suggest --format json)"

# Lexicon matching stays linear in keyword length: gaps with a 16,000-character keyword
# (issue 11 measured 7.8 s before the matcher became a contiguous NFA).
sqlite3 "$work/canon.db" ".backup $work/long.db"
# The text limits refuse such a keyword at every door; an old database may hold one.
sqlite3 "$work/long.db" "INSERT INTO theme_keyword (theme_id, keyword) SELECT id, printf('%.*c', 16000, 'a') FROM theme WHERE slug = 'epistemic-bias'"
printf '%-58s %8s s   (bar: under 1 s)\n' "canon gaps --format json, a 16,000-character keyword" "$(timed "$canon" --db "$work/long.db" gaps --format json)"

# Long text costs time in proportion (issue 11): the 200-module report
# database with a 100,000-character keyword and five sessions of 1 MiB of
# outcomes (150,000 distinct words each), as an old database might hold.
cp "$work/report.db" "$work/oldtext.db"
python3 - "$work/oldtext.db" <<'PY'
import random, sqlite3, sys
random.seed(11)
c = sqlite3.connect(sys.argv[1])
words = " ".join("".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(150000))
for (i,) in c.execute("SELECT min(id) FROM item GROUP BY module_id LIMIT 5").fetchall():
    c.execute("UPDATE item SET outcomes = ?1 WHERE id = ?2", (words[:1 << 20], i))
theme = c.execute("SELECT id FROM theme WHERE slug = 'epistemic-bias'").fetchone()[0]
c.execute("INSERT INTO theme_keyword (theme_id, keyword) VALUES (?1, ?2)", (theme, "a" * 100000))
c.execute("INSERT INTO theme_keyword (theme_id, keyword) VALUES (?1, ?2)", (theme, " ".join(["bias"] * 20000)))
c.commit()
PY
echo
for args in "gaps --format json" "suggest --format json" "report oldtext.pdf"; do
    # shellcheck disable=SC2086 # the arguments are split on purpose
    printf '%-58s %8s s   (seconds, not minutes)\n' "canon $args, long text" \
        "$(cd "$work" && timed "$canon" --db "$work/oldtext.db" $args)"
done

# canon serve under load: 20 concurrent clients (wrk, keep-alive) on each page
# for a few seconds, on the samples and on the 200,000-item database above.
# Prints the median and 99th-percentile latency and the requests per second.
# Bars: median under 100 ms on the samples, under 300 ms on 200,000 items.
serve_secs=${SERVE_SECS:-5}
ms() { # wrk's "12.34ms" / "850.00us" / "1.20s" as milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
serve_load() { # serve_load DB LABEL
    local db=$1 label=$2 out=$work/serve.out jar=$work/jar
    : > "$out"
    "$canon" --db "$db" --quiet serve --port 0 > "$out" &
    local pid=$!
    for _ in $(seq 300); do [ -s "$out" ] && break; sleep 0.1; done
    local url; url=$(head -1 "$out"); url=${url%/}
    rm -f "$jar"
    local token; token=$(curl -s -c "$jar" -b "$jar" "$url/who" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data "csrf=$token&name=load-test&next=/" "$url/who"
    local cookie; cookie=$(awk '$6 == "canon_session" { print $6 "=" $7 }' "$jar")
    local module; module=$(curl -s -b "$jar" "$url/" | grep -o 'href="/modules/[0-9][0-9]*' | head -1 | cut -d/ -f3)
    local reading; reading=$(curl -s -b "$jar" "$url/readings" | grep -o 'href="/readings/[0-9][0-9]*' | head -1 | cut -d/ -f3)
    echo
    echo "canon serve, $label: 20 clients, ${serve_secs} s a page     median      p99    req/s"
    for page in "/" "/?year=2&page=3" "/modules/$module" "/modules/$module?theme=epistemic-bias" "/readings" \
        "/readings?status=approved&page=3" "/readings/$reading" "/review" "/gaps" "/gaps?kind=module-gap&page=3" \
        "/search?q=%22pulse+oximetry%22" "/history" "/import" "/report"; do
        curl -s -o /dev/null -b "$jar" "$url$page" # warm: the first view of a version computes the analysis
        read -r p50 p99 rps < <(wrk -t2 -c20 -d"${serve_secs}s" --latency -H "Cookie: $cookie" "$url$page" \
            | awk '/^ +50%/ { a = $2 } /^ +99%/ { b = $2 } /^Requests\/sec/ { c = $2 } END { print a, b, c }')
        printf '  %-52s %7s ms %6s ms %8s\n' "${page:0:52}" "$(ms "$p50")" "$(ms "$p99")" "$rps"
    done
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}
if command -v wrk >/dev/null && command -v curl >/dev/null; then
    mkdir -p "$work/serve"
    "$canon" --db "$work/serve/samples.db" --quiet audit samples/modules.csv samples/reading.csv --out "$work/serve/r.pdf" >/dev/null 2>&1
    serve_load "$work/serve/samples.db" "samples (284 sessions, 70 readings)"
    serve_load "$work/canon.db" "$rows items, 5,000 readings"
else
    echo
    echo "bench: skipping the canon serve load test: wrk and curl are needed (apt-get install wrk curl)"
fi
