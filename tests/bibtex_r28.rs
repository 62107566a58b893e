//! Tester r28, BibTeX, through the binary: stacked accents, crossref
//! chains, a rejects file that carries the parents its entries inherit
//! from, entries on `%` lines, and LaTeX commands canon does not know.

mod common;

use common::workdir;

/// The names of a reading's authors as stored, each "family, given".
fn authors(r: &serde_json::Value) -> Vec<String> {
    r["author_names"]
        .as_array()
        .expect("author_names")
        .iter()
        .map(|a| format!("{}, {}", a["family"].as_str().unwrap_or_default(), a["given"].as_str().unwrap_or_default()))
        .collect()
}

/// An accent on an accented letter goes on that letter, composed (NFC),
/// braced or not: "Nguy{\~{\^e}}n" was stored "Nguỹên", the tilde on the y.
#[test]
fn stacked_accents_go_on_the_accented_letter() {
    let w = workdir();
    let said = w.import_reading(
        "v.bib",
        r#"@book{viet, title = {Vi{\d{\^e}}t Nam}, year = 2019, publisher = {Nh{\`a} xu{\^a}t b{\h{a}}n},
  author = {Nguy{\~{\^e}}n, Th{\d{i}} and Nguy\~{\^e}n, A and Tr{\`\^a}n, B and Nguy{\~\^e}n, C and L{\'\^e}, D and Ph{\d\u{a}}m, E}}
@book{other, title = {{\v{\"U}}ber {\={\"u}} and {\'{\o}}}, year = 2020}
"#,
    );
    let list = w.reading_list();
    let viet = common::reading(&list, "Việt Nam");
    assert_eq!(authors(viet), ["Nguyễn, Thị", "Nguyễn, A.", "Trần, B.", "Nguyễn, C.", "Lế, D.", "Phặm, E."], "{said}");
    for name in authors(viet) {
        assert!(name.chars().all(|c| !('\u{300}'..='\u{36f}').contains(&c)), "composed: {name:?}");
    }
    assert_eq!(authors(viet)[0].chars().nth(4), Some('\u{1EC5}'));
    common::reading(&list, "Ǚber ǖ and ǿ");
    // `\h` is the T5 encoding's hook above (vntex), as `\d` its dot below:
    // "b{\h{a}}n" is "bản" (tester89 F1; it was said unknown and read "ban").
    assert_eq!(viet["publisher"], "Nhà xuât bản");
    assert!(!said.contains("canon knows"), "{said}");
}

/// A crossref chain is followed as biber follows it: the chapter inherits
/// its volume's fields and what the volume inherits from the whole work.
#[test]
fn a_crossref_chain_is_followed_and_a_loop_is_said() {
    let w = workdir();
    let said = w.import_reading(
        "c.bib",
        "@incollection{child, author = {Osei, Ama}, title = {Kidney function and race}, pages = {1--20},\n  crossref = {midparent}}\n\
         @book{midparent, title = {Volume two: Methods}, volume = {2}, crossref = {parent}}\n\
         @book{parent, title = {Race in medicine}, editor = {Kaur, Simran and Roberts, Dorothy}, year = {2011},\n  \
         publisher = {New Press}, address = {New York}, series = {Studies in Health}}\n",
    );
    assert!(!said.contains("crossref"), "no warning for a sound chain: {said}");
    let list = w.reading_list();
    let child = common::reading(&list, "Kidney function");
    assert_eq!(child["year"], 2011, "{child:#}");
    assert_eq!(child["publisher"], "New Press");
    assert_eq!(child["place"], "New York");
    assert_eq!(child["series"], "Studies in Health");
    // The volume's set is the book, the volume its number and its own
    // title (tester r66 F4: the set's title was lost; biblatex's
    // `maintitle`; r69 F6: the volume was folded into the title).
    assert_eq!(child["container"], "Race in medicine", "the set");
    assert_eq!((child["volume"].as_str(), child["volume_title"].as_str()), (Some("2"), Some("Volume two: Methods")));
    assert_eq!(child["editor_names"].as_array().map(Vec::len), Some(2), "{child:#}");
    let volume =
        list.as_array().unwrap().iter().find(|r| r["type"] == "book" && r["volume"] == "2").expect("the volume");
    assert_eq!((volume["title"].as_str(), volume["year"].as_i64()), (Some("Race in medicine"), Some(2011)));

    // A loop of three: said at each of its entries, naming them; nothing
    // is inherited beyond it.
    let w = workdir();
    let said = w.import_reading(
        "l.bib",
        "@misc{a, title = {Alpha}, crossref = {b}}\n@misc{b, title = {Beta}, year = 2001, crossref = {c}}\n\
         @misc{c, title = {Gamma}, publisher = {P}, crossref = {a}}\n",
    );
    assert!(
        said.contains(
            "l.bib:1:27: warning: in entry `a`: the crossref chain a → b → c → a comes back to this entry (a loop)"
        ),
        "{said}"
    );
    assert!(said.contains("in entry `b`: the crossref chain b → c → a → b"), "{said}");
    assert!(said.contains("in entry `c`: the crossref chain c → a → b → c"), "{said}");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "Alpha")["publisher"], "P");
    assert_eq!(common::reading(&list, "Gamma")["year"], 2001);
}

/// A rejected entry's crossref parent (imported) and the parent's parent go
/// into the rejects file as context, so the fixed file reads with the same
/// meaning; re-importing it leaves the parents unchanged.
#[test]
fn a_rejects_file_carries_the_crossref_parents() {
    let w = workdir();
    let bib = w.write(
        "r.bib",
        "@string{np = {New Press}}\n\
         @incollection{child, author = {Osei, Ama}, title = {Kidney function and race}, year = {soon},\n  crossref = {midparent}}\n\
         @book{midparent, title = {Volume two}, volume = {2}, crossref = {parent}}\n\
         @book{parent, title = {Race in medicine}, year = {2011}, publisher = np, address = {New York}}\n\
         @article{unrelated, title = {Unrelated}, journal = {BMJ}, year = 2020}\n",
    );
    let said = w.ok_stderr(&["import", "reading", bib.to_str().unwrap(), "--skip-invalid", "--rejects", "out.bib"]);
    assert!(said.contains("3 new"), "{said}");
    let out = std::fs::read_to_string(w.path("out.bib")).unwrap();
    assert!(out.contains("@string{np = {New Press}}"), "{out}");
    let child = out.find("@incollection{child").expect("the rejected entry");
    let mid = out.find("@book{midparent").expect("its parent");
    let top = out.find("@book{parent").expect("its parent's parent");
    assert!(child < mid && mid < top, "parents after the entry, as BibTeX wants them: {out}");
    assert!(out[..mid].ends_with("% context: a crossref parent (or a parent's parent) of a rejected entry above, imported already; kept so that the entry inherits its fields\n"), "{out}");
    assert!(!out.contains("unrelated"), "{out}");
    assert_eq!(out.matches("% context:").count(), 2, "{out}");

    // Fixed and imported again: the child inherits as it would have; the
    // parents are not added twice.
    let fixed = out.replace("year = {soon}", "year = {2011}");
    let again = w.import_reading("out.bib", &fixed);
    assert!(again.contains("1 new, 0 changed, 2 unchanged"), "{again}");
    let list = w.reading_list();
    assert_eq!(list.as_array().map(Vec::len), Some(4), "{list:#}");
    let child = common::reading(&list, "Kidney function");
    assert_eq!(child["publisher"], "New Press");
    assert_eq!(child["place"], "New York");
    assert_eq!(child["container"], "Race in medicine");
    assert_eq!((child["volume"].as_str(), child["volume_title"].as_str()), (Some("2"), Some("Volume two")));
}

/// An entry on a `%` line is read, as BibTeX reads it, and said with its
/// line; one commented out over several `%` lines is never closed, and the
/// error says why that may be.
#[test]
fn an_entry_on_a_comment_line_is_said() {
    let w = workdir();
    let said = w.import_reading(
        "k.bib",
        "@misc{real, title = {Real}, year = 2020}\n% old: @article{fake, title={Not a record}}\n",
    );
    assert!(
        said.contains(
            "k.bib:2:8: warning: in entry `fake`: the entry is on a line starting with `%` and may be commented out"
        ),
        "{said}"
    );
    assert!(!said.contains("`real`"), "{said}");
    let bib = w.write("m.bib", "% @article{gone,\n%   title = {Gone}}\n@misc{b, title = {B}}\n");
    let err = w.fails(&["import", "reading", bib.to_str().unwrap()]);
    assert!(err.contains("m.bib:1:3: entry `gone` is never closed") && err.contains("line starting with `%`"), "{err}");
}

/// A LaTeX command canon does not know is said with its file, line and
/// argument; the commands it knows are not.
#[test]
fn an_unknown_command_is_said_and_known_ones_are_not() {
    let w = workdir();
    let said = w.import_reading(
        "u.bib",
        "@misc{u, year = 2020,\n  title = {A \\unknownmacro{arg} title},\n  note = {see \\citet{x}}}\n\
         @misc{k, year = 2021, title = {\\textit{E. coli} at 5\\textdegree{} and \\S 3, $\\alpha$-\\emph{x} \\textbf{b}\
         \\textsuperscript{th} \\url{https://x.org} Caf\\'e}}\n",
    );
    assert!(
        said.contains(
            "u.bib:2:14: warning: in entry `u`: title: \\unknownmacro is not a LaTeX command canon knows; kept its argument \"arg\""
        ),
        "{said}"
    );
    assert!(
        said.contains("u.bib:3:15: warning: in entry `u`: note: \\citet is not a LaTeX command canon knows"),
        "{said}"
    );
    assert_eq!(said.matches("canon knows").count(), 2, "{said}");
    let list = w.reading_list();
    assert_eq!(common::reading(&list, "A arg title")["title"], "A arg title");
}
