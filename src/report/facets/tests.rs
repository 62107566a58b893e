//! The arithmetic of suppression: no suppressed count can be worked out
//! from what the table shows (its totals, its "not recorded" cells, the
//! other cells, and what anyone knows of the structure: first authors are
//! authors, a listed value was given by someone).

use super::*;

fn reading(id: i64, authors: usize) -> Reading {
    Reading {
        id,
        title: format!("Work {id}"),
        authors: (0..authors).map(|i| format!("Author {id}.{i}")).collect(),
        author_names: Vec::new(),
        year: Some(2020),
        year_note: None,
        kind: "article".into(),
        container: None,
        volume: None,
        issue: None,
        pages: None,
        publisher: None,
        place: None,
        edition: None,
        doi: None,
        isbn: None,
        url: None,
        annotation: None,
        source_kind: None,
        credit: None,
        licence: None,
        status: "approved".into(),
        language: None,
        global_south: None,
        open_access: None,
        original_language: None,
        translated: None,
        perspective: None,
        themes: vec![],
        ..Reading::default()
    }
}

fn person(reading_id: i64, author_position: Option<i64>, value: &str, basis: &str) -> PersonFacet {
    PersonFacet { reading_id, author_position, facet: "gender".into(), value: value.into(), basis: basis.into() }
}

/// What a reader knows and does not know of one shown table.
struct Shown2 {
    /// value cells: Some(n) shown, None suppressed; [row][column]
    cells: Vec<Vec<Option<usize>>>,
    not_recorded: Vec<Option<usize>>,
    totals: Vec<usize>,
    basis: Vec<Option<usize>>,
}

fn known(t: &AuthorTable) -> Shown2 {
    let opt = |s: &Shown| match s {
        Shown::Count(n) => Some(*n),
        Shown::Suppressed => None,
    };
    Shown2 {
        cells: t.rows.iter().map(|r| r.cells.iter().map(opt).collect()).collect(),
        not_recorded: t.not_recorded.iter().map(opt).collect(),
        totals: t.totals.clone(),
        basis: t.basis.iter().map(|(_, s)| opt(s)).collect(),
    }
}

/// Every value each suppressed cell can take, given all a reader knows:
/// each column (with its "not recorded") sums to its total; a listed value
/// was given at least once; the authorships by basis add up to the first and
/// other authors' recorded counts. `None` when the search is too big.
fn feasible(s: &Shown2) -> Option<Vec<std::collections::BTreeSet<usize>>> {
    let cols = s.totals.len();
    // Unknowns, column by column: (row, or usize::MAX for "not recorded", column).
    let mut unknown: Vec<(usize, usize)> = Vec::new();
    let mut known_sum = vec![0usize; cols];
    for c in 0..cols {
        for (r, row) in s.cells.iter().enumerate() {
            match row[c] {
                None => unknown.push((r, c)),
                Some(n) => known_sum[c] += n,
            }
        }
        match s.not_recorded[c] {
            None => unknown.push((usize::MAX, c)),
            Some(n) => known_sum[c] += n,
        }
    }
    if (0..cols).any(|c| known_sum[c] > s.totals[c]) {
        return Some(vec![]);
    }
    // The search: all but the last unknown of a column range freely; the last takes what is left.
    let space: f64 = (0..cols)
        .map(|c| {
            let k = unknown.iter().filter(|u| u.1 == c).count();
            ((s.totals[c] - known_sum[c] + 1) as f64).powi(k.saturating_sub(1) as i32)
        })
        .product();
    if space > 200_000.0 {
        return None;
    }
    let mut seen = vec![std::collections::BTreeSet::new(); unknown.len()];
    let mut basis_seen = [std::collections::BTreeSet::new(), std::collections::BTreeSet::new()];
    let mut vals = vec![0usize; unknown.len()];
    struct Search<'a> {
        s: &'a Shown2,
        cols: usize,
        unknown: &'a [(usize, usize)],
        left: Vec<usize>,
    }
    fn check(
        x: &Search,
        vals: &[usize],
        seen: &mut [std::collections::BTreeSet<usize>],
        bs: &mut [std::collections::BTreeSet<usize>; 2],
    ) {
        let s = x.s;
        let get = |r: usize, c: usize| -> usize {
            let v = if r == usize::MAX { s.not_recorded[c] } else { s.cells[r][c] };
            v.unwrap_or_else(|| vals[x.unknown.iter().position(|u| *u == (r, c)).unwrap()])
        };
        for r in 0..s.cells.len() {
            if (0..x.cols).map(|c| get(r, c)).sum::<usize>() == 0 {
                return;
            }
        }
        // Authorships recorded: first and other authors (disjoint columns).
        let records: usize = (0..s.cells.len()).map(|r| get(r, 0) + get(r, 1)).sum();
        let mut ok = false;
        for b0 in 0..=records {
            let b1 = records - b0;
            if s.basis[0].is_some_and(|v| v != b0) || s.basis[1].is_some_and(|v| v != b1) {
                continue;
            }
            ok = true;
            bs[0].insert(b0);
            bs[1].insert(b1);
        }
        if ok {
            for (k, v) in vals.iter().enumerate() {
                seen[k].insert(*v);
            }
        }
    }
    fn rec(
        x: &mut Search,
        i: usize,
        vals: &mut Vec<usize>,
        seen: &mut [std::collections::BTreeSet<usize>],
        bs: &mut [std::collections::BTreeSet<usize>; 2],
    ) {
        if i == x.unknown.len() {
            check(x, vals, seen, bs);
            return;
        }
        let c = x.unknown[i].1;
        let last = x.unknown.get(i + 1).is_none_or(|u| u.1 != c);
        let range: Vec<usize> = if last { vec![x.left[c]] } else { (0..=x.left[c]).collect() };
        for v in range {
            vals[i] = v;
            x.left[c] -= v;
            rec(x, i + 1, vals, seen, bs);
            x.left[c] += v;
        }
    }
    let left: Vec<usize> = (0..cols).map(|c| s.totals[c] - known_sum[c]).collect();
    // A column with no unknown must add up already.
    if (0..cols).any(|c| left[c] > 0 && !unknown.iter().any(|u| u.1 == c)) {
        return Some(vec![]);
    }
    let mut x = Search { s, cols, unknown: &unknown, left };
    rec(&mut x, 0, &mut vals, &mut seen, &mut basis_seen);
    for (k, b) in s.basis.iter().enumerate() {
        if b.is_none() {
            seen.push(basis_seen[k].clone());
        }
    }
    Some(seen)
}

/// A small deterministic generator (xorshift), so the cases are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn no_suppressed_cell_can_be_worked_out() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut checked = 0;
    let mut with_suppression = 0;
    let mut withheld = 0;
    for _ in 0..1500 {
        let n = 3 + rng.next(5) as i64;
        let rs: Vec<Reading> = (1..=n).map(|id| reading(id, 1 + rng.next(3) as usize)).collect();
        let values = ["woman", "man", "non-binary", "Woman "];
        let mut people = Vec::new();
        for r in &rs {
            for pos in 1..=r.authors.len() as i64 {
                if rng.next(3) > 0 {
                    let v = values[rng.next(values.len() as u64) as usize];
                    let b = if rng.next(2) == 0 { "self-identified" } else { "published" };
                    people.push(person(r.id, Some(pos), v, b));
                }
            }
            if rng.next(4) == 0 {
                people.push(person(r.id, None, values[rng.next(3) as usize], "published"));
            }
        }
        let refs: Vec<&Reading> = rs.iter().collect();
        for raw in raw_author_tables(&refs, &people) {
            let shown = author_table(&raw);
            // Shown counts are the true counts; suppressed ones hide only small groups or their complements.
            // (A works column that could not be protected is left out, with the values only it had:
            // rows are matched by value.)
            assert_eq!(shown.works_left_out, shown.columns.len() < raw.columns.len());
            for row in &shown.rows {
                let (_, c) = raw.rows.iter().find(|(v, _)| *v == row.value).expect("a shown value is a raw one");
                for (s, n) in row.cells.iter().zip(c) {
                    match s {
                        Shown::Count(k) => {
                            assert_eq!(k, n);
                            assert!(*k == 0 || *k >= SUPPRESS_BELOW, "a small count shown: {raw:?}");
                        }
                        Shown::Suppressed => {}
                    }
                }
            }
            if shown.withheld {
                withheld += 1;
                assert!(shown.rows.is_empty(), "a withheld table lists no values");
                continue;
            }
            let k = known(&shown);
            let Some(sets) = feasible(&k) else { continue };
            checked += 1;
            if sets.is_empty() {
                continue;
            }
            with_suppression += 1;
            for (i, set) in sets.iter().enumerate() {
                // A cell worked out to be 0 singles nobody out (zeros are shown plainly anyway).
                let zero = set.len() == 1 && set.contains(&0);
                assert!(
                    set.len() >= 2 || zero,
                    "suppressed cell {i} can be worked out ({set:?}) from {shown:?}, raw {raw:?}"
                );
            }
        }
    }
    eprintln!("{checked} tables checked, {with_suppression} with suppressed cells, {withheld} withheld");
    assert!(checked > 250, "only {checked} tables checked");
    assert!(with_suppression > 150, "only {with_suppression} tables had suppressed cells");
}

#[test]
fn one_small_count_takes_a_second_cell_with_it() {
    // One column: 3 and 9 recorded, 20 not recorded, 32 in all.
    let (mask, fallback) = protect(&[vec![3], vec![9]], &[20], 1, false);
    assert_eq!(mask, [vec![true], vec![true]]);
    assert_eq!(fallback, [false]);
    // Two small counts that add up to five or more protect each other.
    let (mask, _) = protect(&[vec![2], vec![3], vec![40]], &[20], 1, false);
    assert_eq!(mask, [vec![true], vec![true], vec![false]]);
    // Two small counts adding up to less than five take the next smallest too.
    let (mask, _) = protect(&[vec![1], vec![2], vec![6], vec![40]], &[20], 1, false);
    assert_eq!(mask, [vec![true], vec![true], vec![true], vec![false]]);
    // A single recorded value under five: only "not recorded" is left to hide it.
    let (mask, fallback) = protect(&[vec![1]], &[20], 1, false);
    assert_eq!(mask, [vec![true]]);
    assert_eq!(fallback, [true]);
    // Nothing small, nothing hidden.
    let (mask, fallback) = protect(&[vec![0], vec![7]], &[20], 1, false);
    assert_eq!(mask, [vec![false], vec![false]]);
    assert_eq!(fallback, [false]);
}

#[test]
fn counts_are_over_first_authors_other_authors_and_works() {
    let rs = [reading(1, 3), reading(2, 2), reading(3, 0)];
    let refs: Vec<&Reading> = rs.iter().collect();
    let people = [
        person(1, Some(1), "woman", "self-identified"),
        person(1, Some(2), "Woman", "published"),
        person(2, Some(2), "man", "published"),
        person(3, None, "women-led collective", "published"),
        person(2, Some(9), "ghost", "published"),
    ];
    let t = &raw_author_tables(&refs, &people)[0];
    assert_eq!(t.columns, ["First authors", "Other authors", "Works (creators as a whole)"]);
    assert_eq!(t.totals, [2, 3, 3]);
    assert_eq!(
        t.rows,
        [
            ("man".to_string(), vec![0, 1, 0]),
            ("Woman".to_string(), vec![1, 1, 0]),
            ("women-led collective".to_string(), vec![0, 0, 1])
        ]
    );
    assert_eq!(t.not_recorded, [1, 1, 2]);
    assert_eq!(t.basis, [1, 2], "by basis, over authorships");
}

#[test]
fn content_counts_works_with_not_recorded_plain() {
    let mut a = reading(1, 1);
    a.language = Some("fr; en".into());
    a.open_access = Some(true);
    let mut b = reading(2, 1);
    b.language = Some("fr".into());
    b.original_language = Some("ar".into());
    b.translated = Some(true);
    let c = reading(3, 1);
    let t = content(&[&a, &b, &c]);
    assert_eq!(t[0].name, "Language");
    assert_eq!(t[0].rows[0].value, "French");
    assert_eq!(t[0].rows[0].readings, 2);
    assert_eq!(t[0].rows[0].share, "100%");
    assert_eq!(t[0].not_recorded, 1);
    assert!(t[0].note.is_some(), "a bilingual work counts twice: say so");
    assert_eq!(t[1].rows[0].value, "translated from Arabic");
    let oa = t.iter().find(|t| t.name == "Open access").unwrap();
    assert_eq!((oa.rows[0].value.as_str(), oa.rows[0].readings, oa.not_recorded), ("yes", 1, 2));
}

/// The tester's cases (issue 16b): with first and all authors side by side, all − first gave away a
/// single non-first author. The columns are now disjoint and each is protected on its own.
#[test]
fn first_and_other_authors_cannot_be_subtracted() {
    // s3: 20 readings with two authors; first authors woman 6, man 6; one second author woman.
    // s4: the same, with second authors woman 6, man 1.
    for (second_w, second_m) in [(1usize, 0usize), (6, 1)] {
        let rs: Vec<Reading> = (1..=20).map(|id| reading(id, 2)).collect();
        let refs: Vec<&Reading> = rs.iter().collect();
        let mut people = Vec::new();
        for k in 1..=12 {
            people.push(person(k, Some(1), if k <= 6 { "woman" } else { "man" }, "self-identified"));
        }
        for k in 1..=(second_w + second_m) as i64 {
            people.push(person(k, Some(2), if k as usize <= second_w { "woman" } else { "man" }, "self-identified"));
        }
        let raw = &raw_author_tables(&refs, &people)[0];
        assert_eq!(raw.columns, [FIRST, OTHER]);
        let t = author_table(raw);
        // No column holds anyone another column holds: nothing to subtract. Small counts are hidden.
        for r in &t.rows {
            for c in &r.cells {
                assert!(
                    matches!(c, Shown::Suppressed | Shown::Count(0))
                        || matches!(c, Shown::Count(n) if *n >= SUPPRESS_BELOW),
                    "{t:?}"
                );
            }
        }
        let other: Vec<Shown> = t.rows.iter().map(|r| r.cells[1]).collect();
        assert!(other.contains(&Shown::Suppressed), "the single other author is hidden: {t:?}");
        // The hidden other-author cells cannot be worked out from the column's total: at least two
        // of the column's cells are hidden ("not recorded" among them when only one value cell is
        // not zero), and what they hide together is not a small count.
        let hidden = other.iter().filter(|c| **c == Shown::Suppressed).count()
            + usize::from(t.not_recorded[1] == Shown::Suppressed);
        assert!(hidden >= 2, "{t:?}");
        let shown_sum: usize = t
            .rows
            .iter()
            .map(|r| r.cells[1])
            .chain([t.not_recorded[1]])
            .map(|c| if let Shown::Count(n) = c { n } else { 0 })
            .sum();
        assert!(t.totals[1] - shown_sum >= SUPPRESS_BELOW, "{t:?}");
        if second_m == 0 {
            assert_eq!(t.not_recorded[1], Shown::Suppressed, "a single other author: {t:?}");
            // Shown basis counts add up to all recorded authorships: they would give it away.
            assert_eq!(t.basis.iter().filter(|b| b.1 == Shown::Suppressed).count(), 2, "basis sums would reveal it");
        }
    }
}

#[test]
fn withheld_tables_say_why_and_show_what_is_recorded() {
    let rs: Vec<Reading> = (1..=10).map(|id| reading(id, 1)).collect();
    let refs: Vec<&Reading> = rs.iter().collect();
    let people = [person(1, Some(1), "woman", "self-identified"), person(2, Some(1), "man", "published")];
    let t = author_table(&raw_author_tables(&refs, &people)[0]);
    assert!(t.withheld && t.rows.is_empty());
    assert_eq!(t.recorded, [2, 0]);
    assert_eq!(t.withheld_reason.as_deref(), Some("values withheld: 2 authorships recorded, fewer than 5"));
    // A facet only works' creators gave: no suppressed cell about authors, who have none.
    let people = [person(1, None, "collective", "published")];
    let t = author_table(&raw_author_tables(&refs, &people)[0]);
    assert!(!t.withheld, "{t:?}");
    assert_eq!(t.not_recorded[..2], [Shown::Count(10), Shown::Count(0)]);
    assert!(t.rows.iter().all(|r| r.cells[..2] == [Shown::Count(0), Shown::Count(0)]), "{t:?}");
}
