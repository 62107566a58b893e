//! Issue 12 (round 6b, 12p): the last parts of a record that imports lost,
//! through the real binary: Zotero's "Date" month and day and its "Series".

mod common;

use common::Workdir;
use serde_json::Value;

fn list(w: &Workdir) -> Value {
    w.json(&["reading", "list", "--format", "json"])
}

/// The reading whose title starts with `prefix`.
fn reading<'a>(list: &'a Value, prefix: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no reading titled {prefix:?} in {list:#}"))
}

fn import(w: &Workdir, name: &str, text: &str) -> String {
    let p = w.write(name, text);
    w.ok_stderr(&["import", "reading", p.to_str().unwrap()])
}

#[test]
fn zotero_date_keeps_month_and_day_and_series_is_the_series() {
    let w = Workdir::new();
    let csv = "\u{feff}\"Key\",\"Item Type\",\"Publication Year\",\"Author\",\"Title\",\"Publication Title\",\"Date\",\"Series\",\"Series Title\",\"Publisher\"\n\
        \"A1\",\"newspaperArticle\",\"2020\",\"Reporter, Jo\",\"Iso date\",\"The Hindu\",\"2020-05-06\",\"\",\"\",\"\"\n\
        \"A2\",\"journalArticle\",\"2021\",\"Writer, Al\",\"Worded date\",\"Lancet\",\"March 7, 2021\",\"Lancet Series on Race\",\"\",\"\"\n\
        \"A3\",\"book\",\"\",\"Fanon, Frantz\",\"No publication year\",\"\",\"2019-04-02\",\"Global Health Series\",\"\",\"Pluto\"\n\
        \"A4\",\"journalArticle\",\"2018\",\"Okoro, Chidi\",\"Series title only\",\"BMJ\",\"2018\",\"\",\"Decolonising medicine\",\"\"\n";
    let out = import(&w, "zotero.csv", csv);
    assert!(out.contains("\"Series\" → series"), "{out}");
    let l = list(&w);
    let a = reading(&l, "Iso date");
    assert_eq!((&a["year"], &a["month"], &a["day"]), (&Value::from(2020), &Value::from(5), &Value::from(6)));
    let b = reading(&l, "Worded date");
    assert_eq!((&b["year"], &b["month"], &b["day"]), (&Value::from(2021), &Value::from(3), &Value::from(7)));
    assert_eq!(b["container"], "Lancet", "the container is the publication title");
    assert_eq!(b["series"], "Lancet Series on Race", "a series beside a publication title is kept, not dropped");
    let c = reading(&l, "No publication year");
    assert_eq!((&c["year"], &c["month"], &c["day"]), (&Value::from(2019), &Value::from(4), &Value::from(2)));
    assert_eq!(c["series"], "Global Health Series");
    assert_eq!(c["container"], Value::Null, "a book's series is never its container");
    let d = reading(&l, "Series title only");
    assert_eq!((&d["series"], &d["month"]), (&Value::from("Decolonising medicine"), &Value::Null));
}

#[test]
fn other_csv_dialects_read_a_date_columns_month_and_day() {
    let w = Workdir::new();
    import(
        &w,
        "plain.csv",
        "title,authors,date,type\nPlain dated,\"Doe, Jane\",2020-05-06,article\nPlain worded,\"Doe, Jane\",\"7 March 2021\",article\n",
    );
    import(
        &w,
        "talis.csv",
        "Item Link,Title,Authors,Date,Student Note\nhttps://x.org/1,Talis dated,\"Ba, Amadou\",\"April 2, 2019\",\n",
    );
    let l = list(&w);
    for (t, y, m, d) in [("Plain dated", 2020, 5, 6), ("Plain worded", 2021, 3, 7), ("Talis dated", 2019, 4, 2)] {
        let r = reading(&l, t);
        assert_eq!((&r["year"], &r["month"], &r["day"]), (&Value::from(y), &Value::from(m), &Value::from(d)), "{t}");
    }
}
