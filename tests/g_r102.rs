//! Tester r103: vendor exports. F7 Web of Science's tab-delimited export
//! read as its plain text is; F5 a Web of Science document type read as
//! what it means in every WoS format; F3 EBSCO's and Ovid's "PMID: N." in
//! RIS user fields read as the PMID.

mod common;
use common::*;

/// The header of Web of Science's "Tab-delimited file" export, as it writes it.
const HEADER: &str = "PT\tAU\tBA\tBE\tGP\tAF\tBF\tCA\tTI\tSO\tSE\tBS\tLA\tDT\tCT\tCY\tCL\tSP\tHO\tDE\tID\tAB\tC1\tC3\tRP\tEM\tRI\tOI\tFU\tFP\tFX\tCR\tNR\tTC\tZ9\tU1\tU2\tPU\tPI\tPA\tSN\tEI\tBN\tJ9\tJI\tPD\tPY\tVL\tIS\tPN\tSU\tSI\tMA\tBP\tEP\tAR\tDI\tDL\tD2\tEA\tPG\tWC\tWE\tSC\tGA\tPM\tOA\tHC\tHP\tDA\tUT";

/// A record line under [`HEADER`], from (tag, value) pairs.
fn row(values: &[(&str, &str)]) -> String {
    let cells: Vec<&str> =
        HEADER.split('\t').map(|t| values.iter().find(|(k, _)| *k == t).map_or("", |(_, v)| *v)).collect();
    cells.join("\t")
}

/// The tester's `savedrecs.txt`: UTF-8 with a BOM, CRLF line ends.
fn savedrecs() -> String {
    let vyas = row(&[
        ("PT", "J"),
        ("AU", "Vyas, DA; Eisenstein, LG; Jones, DS"),
        ("AF", "Vyas, Darshali A.; Eisenstein, Leo G.; Jones, David S."),
        ("TI", "Hidden in Plain Sight - Reconsidering the Use of Race Correction in Clinical Algorithms"),
        ("SO", "NEW ENGLAND JOURNAL OF MEDICINE"),
        ("LA", "English"),
        ("DT", "Article"),
        ("PU", "MASSACHUSETTS MEDICAL SOC"),
        ("PI", "WALTHAM"),
        ("SN", "0028-4793"),
        ("J9", "NEW ENGL J MED"),
        ("JI", "N. Engl. J. Med."),
        ("PD", "AUG 27"),
        ("PY", "2020"),
        ("VL", "383"),
        ("IS", "9"),
        ("BP", "874"),
        ("EP", "882"),
        ("DI", "10.1056/NEJMms2004740"),
        ("PG", "9"),
        ("PM", "32853499"),
        ("DA", "2024-03-01"),
        ("UT", "WOS:000563367000014"),
    ]);
    let mensah = row(&[
        ("PT", "J"),
        ("AU", "Mensah, KA, Jr; van der Berg, P"),
        ("AF", "Mensah, Kofi A., Jr.; van der Berg, Pieter"),
        ("TI", "Decolonising the medical curriculum: a scoping review"),
        ("SO", "MEDICAL EDUCATION"),
        ("LA", "English"),
        ("DT", "Review"),
        ("PY", "2022"),
        ("VL", "56"),
        ("IS", "3"),
        ("BP", "250"),
        ("EP", "262"),
        ("DI", "10.1111/medu.14600"),
        ("DA", "2024-03-01"),
        ("UT", "WOS:000700000000001"),
    ]);
    format!("\u{feff}{HEADER}\r\n{vyas}\r\n{mensah}\r\n")
}

fn s<'a>(r: &'a serde_json::Value, k: &str) -> Option<&'a str> {
    r[k].as_str()
}

/// F7: the tab-delimited export is read into the records its plain text
/// gives, every tag read or named.
#[test]
fn web_of_science_tab_delimited_is_read_as_its_plain_text() {
    let w = workdir();
    let err = w.import_reading("savedrecs.txt", &savedrecs());
    assert!(err.contains("readings: 2 new"), "{err}");
    for named in [
        "Web of Science DA (the date of the export) (2 records)",
        "Web of Science UT (the record's accession number) (2)",
        "Web of Science J9 (the 29-character source abbreviation) (1)",
        "Web of Science PG (the page count) (1)",
    ] {
        assert!(err.contains(named), "{named}: {err}");
    }
    let list = w.reading_list();
    let v = reading(&list, "Hidden in Plain Sight");
    assert_eq!(
        author_parts(v, ["family", "given"]),
        [["Vyas", "Darshali A."], ["Eisenstein", "Leo G."], ["Jones", "David S."]]
    );
    assert_eq!(
        (s(v, "container"), s(v, "container_short"), s(v, "volume"), s(v, "issue"), s(v, "pages")),
        (Some("New England Journal of Medicine"), Some("N. Engl. J. Med."), Some("383"), Some("9"), Some("874-882"))
    );
    assert_eq!((v["year"].as_i64(), v["month"].as_i64(), v["day"].as_i64()), (Some(2020), Some(8), Some(27)));
    assert_eq!((s(v, "doi"), s(v, "pmid"), s(v, "genre")), (Some("10.1056/NEJMms2004740"), Some("32853499"), None));
    assert_eq!(
        (s(v, "publisher"), s(v, "place"), s(v, "language")),
        (Some("Massachusetts Medical Soc"), Some("Waltham"), Some("en"))
    );
    let m = reading(&list, "Decolonising the medical curriculum");
    assert_eq!(
        name_fields(m, "author_names", ["family", "given", "particle", "suffix"]),
        [
            [Some("Mensah".into()), Some("Kofi A.".into()), None, Some("Jr.".into())],
            [Some("Berg".into()), Some("Pieter".into()), Some("van der".into()), None]
        ]
    );
    assert_eq!((s(m, "genre"), s(m, "type"), m["year"].as_i64()), (Some("Review"), Some("article"), Some(2022)));
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Hidden in Plain Sight"),
        "Vyas DA, Eisenstein LG, Jones DS. Hidden in Plain Sight - Reconsidering the Use of Race Correction in \
         Clinical Algorithms. N Engl J Med. 2020 Aug 27;383(9):874-82. doi:10.1056/NEJMms2004740. PubMed PMID: \
         32853499."
    );
    assert_eq!(
        reference(&refs, "Decolonising the medical curriculum"),
        "Mensah KA Jr, van der Berg P. Decolonising the medical curriculum: a scoping review. Medical Education. \
         2022;56(3):250-62. doi:10.1111/medu.14600"
    );
    // The same file again is the same records.
    let again = w.import_reading("savedrecs-again.txt", &savedrecs());
    assert!(again.contains("0 new, 0 changed, 2 unchanged"), "{again}");
}

/// F7: the older "Tab-delimited (Win)" export, UTF-16LE with a BOM, reads the same.
#[test]
fn web_of_science_tab_delimited_in_utf16_is_read() {
    let w = workdir();
    let mut bytes = vec![0xFF, 0xFE];
    for u in savedrecs().trim_start_matches('\u{feff}').encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let p = w.write("savedrecs-win.txt", bytes);
    let err = w.ok_stderr(&["import", "reading", p.to_str().unwrap()]);
    assert!(err.contains("readings: 2 new"), "{err}");
    let list = w.reading_list();
    assert_eq!(s(reading(&list, "Hidden in Plain Sight"), "pmid"), Some("32853499"));
    assert_eq!(s(reading(&list, "Decolonising"), "genre"), Some("Review"));
}

/// F7: a record line with a value beyond the header's last tag is that
/// record's error at its own line and column; the others read with
/// --skip-invalid, and the rejects file reads back under the header. A
/// column whose tag Web of Science does not define is named.
#[test]
fn web_of_science_tab_delimited_errors_name_the_line() {
    let w = workdir();
    let good = row(&[("PT", "J"), ("AU", "Okoro, C"), ("TI", "Good row"), ("SO", "LANCET"), ("PY", "2021")]);
    let bad = format!("{}\textra", row(&[("PT", "J"), ("AU", "Lind, T"), ("TI", "Bad row"), ("PY", "2021")]));
    let text = format!("{HEADER}\tZZ\r\n{good}\tkept?\r\n\r\n{bad}\tmore\r\n");
    let p = w.write("wos.txt", &text);
    let err = w.fails(&["import", "reading", p.to_str().unwrap()]);
    // ("more", after the bad line's `ZZ` value, is beyond the header.)
    let at = format!("wos.txt:4:{}: the record has 73 fields and the header 72 tags", bad.chars().count() + 2);
    assert!(err.contains(&at) && err.contains("nothing imported"), "{at}\n{err}");
    let rejects = w.path("bad.txt");
    let err = w.ok_stderr(&[
        "import",
        "reading",
        p.to_str().unwrap(),
        "--skip-invalid",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    assert!(err.contains("Web of Science ZZ (a column whose tag Web of Science does not define) (1 record)"), "{err}");
    assert!(err.contains("1 new"), "{err}");
    let list = w.reading_list();
    assert_eq!(s(reading(&list, "Good row"), "container"), Some("Lancet"));
    let back = std::fs::read_to_string(&rejects).unwrap();
    assert!(back.starts_with(&format!("{HEADER}\tZZ\r\n# rejected: ")), "{back:?}");
    assert!(back.contains(&bad), "{back}");
    // Read back, the record meets the same error at its line there.
    let again = w.fails(&["import", "reading", rejects.to_str().unwrap()]);
    assert!(again.contains(&format!("bad.txt:3:{}: the record has 73 fields", bad.chars().count() + 2)), "{again}");
}

/// F7: a table that is not Web of Science's is not read as it.
#[test]
fn another_tab_separated_table_is_not_web_of_science() {
    let w = workdir();
    let err = w.import_reading("list.txt", "title\tauthors\tyear\tdoi\nA tab table\tMensah, Kofi\t2020\t\n");
    assert!(err.contains("1 new") && !err.contains("Web of Science"), "{err}");
    let list = w.reading_list();
    assert_eq!(reading(&list, "A tab table")["year"].as_i64(), Some(2020));
    // Two-letter columns without Web of Science's PT, AU, AF, TI, SO and UT.
    let p = w.write("codes.txt", "ID\tTI\tAU\tPY\tSO\tVL\n1\tT\tA\t2020\tS\t1\n");
    let err = w.run_at(&w.db(), &["import", "reading", p.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&err.stderr);
    assert!(!stderr.contains("Web of Science"), "{stderr}");
}

/// F5: the tester's `wosg.bib`: a document type is no genre to print.
#[test]
fn web_of_science_bibtex_type_is_read_as_the_document_type() {
    let w = workdir();
    w.import_reading(
        "wosg.bib",
        "@article{ WOS:000000000000001,\nAuthor = {Roberts, Dorothy E.},\nTitle = {{Abolish race correction}},\n\
         Journal = {{LANCET}},\nYear = {{2021}},\nVolume = {{397}},\nNumber = {{10268}},\nPages = {{17-18}},\n\
         Month = {{JAN 2}},\nType = {{Editorial Material}},\nDOI = {{10.1016/S0140-6736(20)32716-1}},\n\
         Unique-ID = {{WOS:000000000000001}},\n}\n\
         @article{ WOS:000000000000002,\nAuthor = {Okoro, Chidi},\nTitle = {{Race in the anatomy lab}},\n\
         Journal = {{ANATOMICAL SCIENCES EDUCATION}},\nYear = {{2023}},\nType = {{Article; Early Access}},\n\
         DOI = {{10.1002/ase.9999}},\nEarlyAccessDate = {{JUN 2023}},\nUnique-ID = {{WOS:000000000000002}},\n}\n\
         @article{ WOS:000000000000003,\nAuthor = {Lind, Tove},\nTitle = {{Race and spirometry}},\n\
         Journal = {{THORAX}},\nYear = {{2020}},\nVolume = {{75}},\nPages = {{301-309}},\nType = {{Letter}},\n\
         Unique-ID = {{WOS:000000000000003}},\n}\n\
         @article{ WOS:000000000000004,\nAuthor = {Mensah, Kofi},\nTitle = {{Curricula reviewed}},\n\
         Journal = {{MEDICAL EDUCATION}},\nYear = {{2022}},\nVolume = {{56}},\nPages = {{250-262}},\nType = {{Review}},\n\
         Unique-ID = {{WOS:000000000000004}},\n}\n\
         @inproceedings{ WOS:000000000000005,\nAuthor = {Osei, Ama},\nTitle = {{Teaching race}},\n\
         Booktitle = {{PROCEEDINGS OF THE MEDICAL EDUCATION CONFERENCE}},\nYear = {{2019}},\nPages = {{1-9}},\n\
         Type = {{Proceedings Paper}},\nUnique-ID = {{WOS:000000000000005}},\n}\n",
    );
    let list = w.reading_list();
    let got = |t: &str| {
        let r = reading(&list, t);
        (s(r, "genre").map(str::to_string), s(r, "year_note").map(str::to_string))
    };
    assert_eq!(got("Abolish race"), (Some("Editorial".into()), None));
    assert_eq!(got("Race in the anatomy"), (None, Some("ahead of print".into())));
    assert_eq!(got("Race and spirometry"), (Some("Letter".into()), None));
    assert_eq!(got("Curricula reviewed"), (Some("Review".into()), None));
    assert_eq!(got("Teaching race"), (None, None));
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Abolish race"),
        "Roberts DE. Abolish race correction [editorial]. Lancet. 2021 Jan 2;397(10268):17-8. \
         doi:10.1016/S0140-6736(20)32716-1"
    );
    assert_eq!(
        reference(&refs, "Race in the anatomy"),
        "Okoro C. Race in the anatomy lab. Anatomical Sciences Education. 2023. [Epub ahead of print]. \
         doi:10.1002/ase.9999"
    );
    assert_eq!(reference(&refs, "Race and spirometry"), "Lind T. Race and spirometry [letter]. Thorax. 2020;75:301-9.");
    assert_eq!(
        reference(&refs, "Curricula reviewed"),
        "Mensah K. Curricula reviewed. Medical Education. 2022;56:250-62."
    );
    let apa = w.references("apa");
    assert_eq!(
        reference(&apa, "Race in the anatomy"),
        "Okoro, C. (2023). Race in the anatomy lab. Anatomical Sciences Education. Advance online publication. \
         https://doi.org/10.1002/ase.9999"
    );
}

/// F5: the same document types read the same from the plain text's and the
/// tab-delimited export's `DT` and from Web of Science's RIS `M3`.
#[test]
fn web_of_science_document_type_is_the_same_in_every_format() {
    let cases = [
        ("Editorial Material", Some("Editorial"), None),
        ("Article; Early Access", None, Some("ahead of print")),
        ("Letter", Some("Letter"), None),
        ("Meeting Abstract", Some("Abstract"), None),
        ("Article", None, None),
    ];
    for (i, (dt, genre, note)) in cases.iter().enumerate() {
        let w = workdir();
        let title = format!("Work {i}");
        let plain = format!(
            "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Okoro, C\nTI {title} plain\nSO LANCET\nDT {dt}\nPY 2023\nUT WOS:1\nER\n\nEF\n"
        );
        w.import_reading("plain.txt", &plain);
        let tab = format!(
            "{HEADER}\n{}\n",
            row(&[
                ("PT", "J"),
                ("AU", "Okoro, C"),
                ("TI", &format!("{title} tab")),
                ("SO", "LANCET"),
                ("DT", dt),
                ("PY", "2023"),
                ("UT", "WOS:2")
            ])
        );
        w.import_reading("tab.txt", &tab);
        let ris = format!(
            "TY  - JOUR\nAU  - Okoro, C\nTI  - {title} ris\nT2  - Lancet\nM3  - {dt}\nPY  - 2023\nAN  - WOS:3\nER  - \n"
        );
        let err = w.import_reading("wos.ris", &ris);
        assert!(!err.contains("RIS M3"), "{dt}: {err}");
        let list = w.reading_list();
        for form in ["plain", "tab", "ris"] {
            let r = reading(&list, &format!("{title} {form}"));
            assert_eq!((s(r, "genre"), s(r, "year_note")), (*genre, *note), "{dt} in {form}");
        }
    }
}

/// F3: EBSCO's `U2  - PMID: 33387821.` (the tester's `cinahl.ris`), and the
/// same in `M2` or another user field, is the PMID; one that differs from
/// the record's, or holds no PMID, is said.
#[test]
fn ebsco_pmid_in_a_user_field_is_read() {
    let w = workdir();
    let err = w.import_reading(
        "cinahl.ris",
        "TY  - JOUR\nID  - 148273645\nT1  - Decolonising the nursing curriculum: student perspectives.\n\
         AU  - Adeyemi, Folasade\nAU  - O'Connor, Siobhán\nY1  - 2021/03//\nSP  - 104789\nEP  - 104789\n\
         JO  - Nurse Education Today\nJF  - Nurse Education Today\nVL  - 98\nPB  - Elsevier B.V.\n\
         U2  - PMID: 33387821.\nDO  - 10.1016/j.nedt.2020.104789\nDP  - EBSCOhost\nDB  - ccm\nER  - \n\n\
         TY  - JOUR\nT1  - In M2\nAU  - Lind, Tove\nPY  - 2020\nJO  - Thorax\nM2  - PMID: 31111111.\nER  - \n\n\
         TY  - JOUR\nT1  - Clashing\nAU  - Lind, Tove\nPY  - 2020\nJO  - Thorax\nDB  - MEDLINE\nAN  - 32222222\n\
         U1  - PMID: 32222223.\nER  - \n\n\
         TY  - JOUR\nT1  - Same twice\nAU  - Lind, Tove\nPY  - 2020\nJO  - Thorax\nAN  - PMID: 32222224\n\
         U3  - PMID: 32222224.\nER  - \n\n\
         TY  - JOUR\nT1  - Not a number\nAU  - Lind, Tove\nPY  - 2020\nJO  - Thorax\nU2  - PMID: pending.\nER  - \n",
    );
    let list = w.reading_list();
    let pmid = |t: &str| s(reading(&list, t), "pmid").map(str::to_string);
    assert_eq!(pmid("Decolonising the nursing"), Some("33387821".into()));
    assert_eq!(pmid("In M2"), Some("31111111".into()));
    assert_eq!(pmid("Clashing"), Some("32222222".into()));
    assert_eq!(pmid("Same twice"), Some("32222224".into()));
    assert_eq!(pmid("Not a number"), None);
    assert!(
        err.contains("cinahl.ris:34:7: warning: in the record starting at line 27: U1 has PMID 32222223 and the record's PMID is \"32222222\"; kept the record's, U1 not stored"),
        "{err}"
    );
    assert!(
        err.contains("cinahl.ris:51:7: warning: in the record starting at line 46: U2 \"PMID: pending.\" is not a PubMed ID (digits only, as 31234567); not read as the PMID"),
        "{err}"
    );
    assert!(
        err.contains("RIS U1 (1") && err.contains("RIS U2 (1") && !err.contains("RIS U3") && !err.contains("RIS M2"),
        "{err}"
    );
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Decolonising the nursing"),
        "Adeyemi F, O'Connor S. Decolonising the nursing curriculum: student perspectives. Nurse Education Today. \
         2021 Mar;98:104789. doi:10.1016/j.nedt.2020.104789. PubMed PMID: 33387821."
    );
}
