#!/usr/bin/env bash
# Benchmarks canon against the tools people would otherwise reach for, in one
# run, and prints the ratios the README records.
#
#   bench/run.sh            # every part: 200,000-row module list, 1,000,000-row memory check
#   bench/run.sh 50000      # every part at another size (the memory check is skipped)
#   bench/run.sh PART [N]   # one part only:
#       import [ROWS]       #   canon import against sqlite3 and sqlite-utils
#       reading [READINGS]  #   canon import reading (default 5,000), and the same rows all of one year
#       analysis [ROWS]     #   coverage, gaps, suggest, a 16,000-character keyword
#       report [READINGS]   #   the committee report over 200 modules and READINGS readings (default 5,000)
#       long                #   report layout time against text length (sample curriculum only)
#       memory              #   peak memory of a 1,000,000-row import
#       serve               #   canon serve under load (wrk), on the samples and 200,000 items
#
# Needs python3 and the corpus generator gen_corpus.py for every part but
# `long`: set CANON_GEN_CORPUS to its path, or keep the team's shared folder
# next to the clone (../shared/bench/gen_corpus.py). Without it the parts
# that need it are skipped with a message, and `long` still runs. The import
# part also needs sqlite3 and sqlite-utils (apt-get install sqlite3; pip
# install sqlite-utils); peak memory needs GNU time (apt-get install time).
# The serve part needs wrk and curl (apt-get install wrk curl; skipped without
# them); SERVE_SECS=10 for a longer load test per page (default 5 s).
set -euo pipefail
cd "$(dirname "$0")/.."

part=all
case "${1:-}" in
    import|reading|analysis|report|long|memory|serve) part=$1; shift ;;
    ''|[0-9]*) ;;
    *) echo "bench: unknown part ${1}; expected import, reading, analysis, report, long, memory, serve or a row count" >&2; exit 2 ;;
esac
want() { [ "$part" = all ] || [ "$part" = "$1" ]; }
rows=200000
readings=5000
if [ "$part" = report ] || [ "$part" = reading ]; then readings=${1:-5000}; else rows=${1:-200000}; fi
runs=${RUNS:-5}

gen=${CANON_GEN_CORPUS:-../shared/bench/gen_corpus.py}
if [ ! -f "$gen" ]; then
    echo "bench: the corpus generator was not found at $gen." >&2
    echo "bench: it is gen_corpus.py in the team's shared folder (shared/bench/); set CANON_GEN_CORPUS=/path/to/gen_corpus.py" >&2
    echo "bench: or put the shared folder next to this clone." >&2
    gen=
    if [ "$part" != all ] && [ "$part" != long ]; then
        echo "bench: the $part part needs it: skipped." >&2
        exit 0
    fi
    [ "$part" = all ] && echo "bench: running only the part that needs no generator: long." >&2
    part=long
fi
command -v python3 >/dev/null || { echo "bench: python3 is not installed" >&2; exit 1; }

cargo build --release --quiet
canon=$PWD/target/release/canon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "$gen" ]; then
    python3 "$gen" reading "$readings" > "$work/reading.csv"
fi
if [ -n "$gen" ] && { want import || want analysis || want serve; }; then
    python3 "$gen" modules "$rows" > "$work/modules.csv"
    echo "input: $rows module rows ($(du -h "$work/modules.csv" | cut -f1)), $runs runs each, median wall time"
fi

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

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
pdfpages() { python3 -c "import re, sys; print(len(re.findall(rb'/Type /Page\\b', open(sys.argv[1], 'rb').read())))" "$1"; }
if want import; then
    if command -v sqlite3 >/dev/null && command -v sqlite-utils >/dev/null; then
        t_canon=$(median "$canon" --db "$work/canon.db" import modules "$work/modules.csv")
        t_sqlite=$(median sqlite3 "$work/ref.db" ".import --csv $work/modules.csv modules")
        t_utils=$(median sqlite-utils insert "$work/utils.db" modules "$work/modules.csv" --csv)
        echo
        printf '%-58s %8s s\n' "canon import modules (tags and full-text index included)" "$t_canon"
        printf '%-58s %8s s   canon / sqlite3 = %s× (bar: at most 2.5×)\n' "sqlite3 .import into one table" "$t_sqlite" "$(ratio "$t_canon" "$t_sqlite")"
        printf '%-58s %8s s   sqlite-utils / canon = %s× (bar: at least 20×)\n' "sqlite-utils insert --csv" "$t_utils" "$(ratio "$t_utils" "$t_canon")"
    else
        echo "bench: import part skipped: it compares with sqlite3 and sqlite-utils (apt-get install sqlite3; pip install sqlite-utils)" >&2
    fi
fi

# A reading list, and the same rows all of one year: the generator's titles
# share 20 main titles, and rows of one main title and year are compared
# with each other for possible duplicates (10,000 such rows took 47 s before
# task q92 indexed the stored entries by main title and first author).
# And the rows as one journal's year, each with its own title, a volume and
# pages (5 % of first pages given twice): rows of one year are compared by
# first author, volume and first page (20,000 such rows read the whole year
# per row before task q2 indexed them by year and first page).
if want reading; then
    python3 - "$work/reading.csv" "$work/one-year.csv" "$work/journal-year.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
year = rows[0].index("year")
for r in rows[1:]:
    r[year] = "2001"
csv.writer(open(sys.argv[2], "w", newline=""), lineterminator="\n").writerows(rows)
head, body = rows[0], rows[1:]
journal = [head[:3] + ["type", "container", "volume", "issue", "pages"] + head[4:]]
for i, r in enumerate(body):
    first = 1 + 10 * (i % (len(body) * 19 // 20 or 1))
    title = r[0].replace(": perspective ", ", perspective ")
    journal.append([title, r[1], "2001", "article", "Medical Education", "12", str(1 + i % 12),
                    f"{first}-{first + 9}"] + r[4:])
csv.writer(open(sys.argv[3], "w", newline=""), lineterminator="\n").writerows(journal)
PY
    echo
    printf '%-58s %8s s\n' "canon import reading, $readings readings" \
        "$(median "$canon" --db "$work/canon.db" import reading "$work/reading.csv")"
    printf '%-58s %8s s\n' "canon import reading --dry-run, the same all of one year" \
        "$(median "$canon" --db "$work/canon.db" import reading "$work/one-year.csv" --dry-run)"
    printf '%-58s %8s s\n' "canon import reading, the same as one journal's year" \
        "$(median "$canon" --db "$work/canon.db" import reading "$work/journal-year.csv")"
fi

# Analysis and report on the imported curriculum.
if want analysis; then
    "$canon" --db "$work/canon.db" import modules "$work/modules.csv" >/dev/null 2>&1
    "$canon" --db "$work/canon.db" import reading "$work/reading.csv" >/dev/null 2>&1
fi
timed() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    awk -v ns="$(( end - start ))" 'BEGIN {printf "%.3f", ns / 1e9}'
}
if want analysis; then
    echo
    printf '%-58s %8s s\n' "canon coverage --format csv" "$(timed "$canon" --db "$work/canon.db" coverage --format csv)"
fi

# The report over 200 modules (5,000 sessions) and 5,000 readings.
if want report; then
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
    printf '%-58s %8s s   peak memory %s MiB, %s MiB file (bars: at most 1 s, under 150 MiB)\n' \
        "canon report, 200 modules and $readings readings ($(pdfpages "$work/report.pdf") pages)" "$t_report" "$mib_report" \
        "$(awk -v b="$(stat -c %s "$work/report.pdf")" 'BEGIN {printf "%.1f", b / 1048576}')"
else
    printf '%-58s %8s s   (bar: at most 1 s; install GNU time for peak memory)\n' \
        "canon report, 200 modules and $readings readings (PDF)" "$(timed "$canon" --db "$work/report.db" report "$work/report.pdf")"
fi
# The same report in APA (author-date: sorted by author, year suffixes 2019a,
# 2019b over each list), once: it is several times slower than Vancouver.
printf '%-58s %8s s   (one run; no bar)\n' "canon report --style apa, the same database" \
    "$(timed "$canon" --db "$work/report.db" report --style apa "$work/report-apa.pdf")"
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
if want long; then
echo
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
fi

# Memory stays flat as files grow: peak RSS of a 1,000,000-row import.
if { [ "$part" = memory ] || { [ "$part" = all ] && [ "$rows" = 200000 ]; }; } && [ -x /usr/bin/time ]; then
    python3 "$gen" modules 1000000 > "$work/big.csv"
    rm -f "$work/big.db"*
    /usr/bin/time -f '%M %e' -o "$work/mem" "$canon" --db "$work/big.db" import modules "$work/big.csv" >/dev/null 2>&1
    read -r kb secs < "$work/mem"
    echo
    printf '%-58s %8s s   peak memory %s MiB (bar: under 64 MiB)\n' "canon import modules, 1,000,000 rows" "$secs" "$(( kb / 1024 ))"
fi

# Analysis at scale: gaps (bar: under 1 s) and suggestions over every item (bar: under 5 s).
if want analysis; then
echo
printf '%-58s %8s s   (bar: under 1 s)\n' "canon gaps --format json, ranked proposals ($rows items)" "$(timed "$canon" --db "$work/canon.db" gaps --format json)"
printf '%-58s %8s s   (bar: under 5 s)\n' "canon suggest --format json ($rows items)" "$(timed "$canon" --db "$work/canon.db" suggest --format json)"

# Lexicon matching stays linear in keyword length: gaps with a 16,000-character keyword
# (issue 11 measured 7.8 s before the matcher became a contiguous NFA).
"$canon" --db "$work/canon.db" backup "$work/long.db" --force >/dev/null 2>&1
# The text limits refuse such a keyword at every door; an old database may hold one.
python3 - "$work/long.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO theme_keyword (theme_id, keyword) SELECT id, ?1 FROM theme WHERE slug = 'epistemic-bias'", ("a" * 16000,))
c.commit()
PY
printf '%-58s %8s s   (bar: under 1 s)\n' "canon gaps --format json, a 16,000-character keyword" "$(timed "$canon" --db "$work/long.db" gaps --format json)"

# Long text costs time in proportion (issue 11): the 200-module report
# database with a 100,000-character keyword and five sessions of 1 MiB of
# outcomes (150,000 distinct words each), as an old database might hold.
if [ ! -f "$work/report.db" ]; then
    python3 "$gen" modules 5000 > "$work/m5k.csv"
    "$canon" --db "$work/report.db" import modules "$work/m5k.csv" >/dev/null 2>&1
    "$canon" --db "$work/report.db" import reading "$work/reading.csv" >/dev/null 2>&1
fi
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
fi

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
if want serve; then
if command -v wrk >/dev/null && command -v curl >/dev/null; then
    if [ ! -f "$work/canon.db" ] && [ -f "$work/modules.csv" ]; then
        "$canon" --db "$work/canon.db" --quiet import modules "$work/modules.csv" >/dev/null 2>&1
        "$canon" --db "$work/canon.db" --quiet import reading "$work/reading.csv" >/dev/null 2>&1
    fi
    mkdir -p "$work/serve"
    "$canon" --db "$work/serve/samples.db" --quiet audit samples/modules.csv samples/reading.csv --out "$work/serve/r.pdf" >/dev/null 2>&1
    serve_load "$work/serve/samples.db" "samples (284 sessions, 70 readings)"
    if [ -f "$work/canon.db" ]; then serve_load "$work/canon.db" "$rows items, $readings readings"; fi
else
    echo
    echo "bench: skipping the canon serve load test: wrk and curl are needed (apt-get install wrk curl)"
fi
fi
