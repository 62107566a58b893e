//! Tester r107 F5: every role in its place in the author-date styles. A
//! translated chapter's translator belongs to the chapter, not to its
//! book's editors (Harvard printed "in Shepherd, V.A. (ed.), Ọ. Adébáyọ̀
//! (trans.) Women in …"); a conference poster's stored genre in Harvard
//! ("[Poster]"), Chicago and MLA; translators beyond a style's name limit.

mod common;
use common::*;

/// The same readings as CSL-JSON, RIS and BibTeX: a translated chapter in
/// an edited book, a translated chapter in a book without editors, a
/// translated book, an edited and translated book, a book by two
/// translators, a book with only editors.
fn translated(w: &Workdir) {
    w.import_reading(
        "t.json",
        r#"[
 {"id":"ch","type":"chapter","title":"Women in the plantation economy","author":[{"family":"Bush","given":"Barbara"}],"editor":[{"family":"Shepherd","given":"Verene A."}],"translator":[{"family":"Adébáyọ̀","given":"Ọlá"}],"container-title":"Women in Caribbean history","publisher":"Ian Randle","publisher-place":"Kingston","page":"10-25","issued":{"date-parts":[[1999]]}},
 {"id":"bk","type":"book","title":"Black skin, white masks","author":[{"family":"Fanon","given":"Frantz"}],"translator":[{"family":"Markmann","given":"Charles Lam"}],"publisher":"Pluto Press","publisher-place":"London","issued":{"date-parts":[[2008]]}},
 {"id":"bk2","type":"book","title":"The wretched of the earth","author":[{"family":"Fanon","given":"Frantz"}],"editor":[{"family":"Sartre","given":"Jean-Paul"}],"translator":[{"family":"Philcox","given":"Richard"}],"publisher":"Grove Press","publisher-place":"New York","issued":{"date-parts":[[2004]]}},
 {"id":"ed","type":"book","title":"Caribbean health","editor":[{"family":"Diallo","given":"Amadou"},{"family":"Berg","given":"Pieter"}],"publisher":"Ian Randle","publisher-place":"Kingston","issued":{"date-parts":[[2010]]}}
]"#,
    );
    w.import_reading(
        "t.ris",
        "TY  - CHAP\nAU  - Bush, Barbara\nA2  - Shepherd, Verene A.\nA4  - Mensah, Kofi\nTI  - Slave women in the \
         Caribbean\nT2  - Caribbean women's history\nPB  - Ian Randle\nCY  - Kingston\nSP  - 10\nEP  - 25\nPY  - \
         1998\nER  - \n\nTY  - CHAP\nAU  - Okoro, Ngozi\nA4  - Boateng, Yaa\nTI  - Midwives without editors\nT2  - \
         Nursing in Ghana\nPB  - Woeli\nCY  - Accra\nSP  - 1\nEP  - 9\nPY  - 2001\nER  - \n\nTY  - BOOK\nAU  - \
         Césaire, Aimé\nA4  - Pinkham, Joan\nA4  - Kelley, Robin D. G.\nTI  - Discourse on colonialism\nPB  - \
         Monthly Review Press\nCY  - New York\nPY  - 2000\nER  - \n",
    );
    w.import_reading(
        "t.bib",
        "@incollection{C1, author={Rodney, Walter}, editor={Shepherd, Verene and Beckles, Hilary}, translator={Diop, \
         Cheikh and Sow, Aminata}, title={The African slave trade in translation}, booktitle={Caribbean Slavery}, \
         publisher={Ian Randle}, address={Kingston}, pages={1--9}, year={2011}}\n\
         @book{B1, author={Ngũgĩ wa Thiong'o}, translator={Kahiga, Wangui}, editor={Gikandi, Simon}, title={Decolonising \
         the mind again}, publisher={James Currey}, address={London}, year={1986}}\n",
    );
}

/// Harvard (Cite Them Right): a chapter's translator after the chapter's
/// title, the book's editors alone after "in"; a book's after its title.
#[test]
fn harvard_puts_a_chapters_translator_with_the_chapter() {
    let w = workdir();
    translated(&w);
    let refs = w.references("harvard");
    assert_eq!(
        refs["Women in the plantation economy"],
        "Bush, B. (1999) ‘Women in the plantation economy’, translated by Ọ. Adébáyọ̀, in Shepherd, V.A. (ed.) Women \
         in Caribbean history. Kingston: Ian Randle, pp. 10–25."
    );
    assert!(
        refs["Slave women in the Caribbean"]
            .contains("‘Slave women in the Caribbean’, translated by K. Mensah, in Shepherd, V.A. (ed.) Caribbean"),
        "{}",
        refs["Slave women in the Caribbean"]
    );
    assert!(
        refs["Midwives without editors"]
            .contains("‘Midwives without editors’, translated by Y. Boateng, in Nursing in Ghana."),
        "{}",
        refs["Midwives without editors"]
    );
    let rodney = &refs["The African slave trade in translation"];
    assert!(
        rodney.contains("translated by C. Diop and A. Sow, in Shepherd, V. and Beckles, H. (eds) Caribbean Slavery."),
        "{rodney}"
    );
    for r in refs.values() {
        assert!(!r.contains("(trans.)"), "no translator among the editors: {r}");
    }
    assert_eq!(
        refs["Black skin, white masks"],
        "Fanon, F. (2008) Black skin, white masks. Translated by C.L. Markmann. London: Pluto Press."
    );
    assert!(
        refs["The wretched of the earth"].contains("Edited by J.-P. Sartre. Translated by R. Philcox. New York"),
        "{}",
        refs["The wretched of the earth"]
    );
    assert!(
        refs["Discourse on colonialism"].contains("Translated by J. Pinkham and R.D.G. Kelley. New York"),
        "{}",
        refs["Discourse on colonialism"]
    );
    assert_eq!(
        refs["Caribbean health"],
        "Diallo, A. and Berg, P. (eds) (2010) Caribbean health. Kingston: Ian Randle."
    );
}

/// Chicago author-date (CMOS 18 §14.107) and MLA 9: "Translated by …"
/// after the chapter's title, before its book; MLA's roles after a book's
/// title one list, "Edited by …, translated by …".
#[test]
fn chicago_and_mla_put_a_chapters_translator_with_the_chapter() {
    let w = workdir();
    translated(&w);
    let chicago = w.references("chicago");
    assert_eq!(
        chicago["Women in the plantation economy"],
        "Bush, Barbara. 1999. “Women in the Plantation Economy.” Translated by Ọlá Adébáyọ̀. In Women in Caribbean \
         History, edited by Verene A. Shepherd, 10–25. Ian Randle."
    );
    assert!(
        chicago["The African slave trade in translation"].contains(
            "“The African Slave Trade in Translation.” Translated by Cheikh Diop and Aminata Sow. In Caribbean Slavery, \
             edited by"
        ),
        "{}",
        chicago["The African slave trade in translation"]
    );
    assert!(
        chicago["Midwives without editors"]
            .contains("“Midwives Without Editors.” Translated by Yaa Boateng. In Nursing in Ghana, 1–9.")
            || chicago["Midwives without editors"]
                .contains("“Midwives without Editors.” Translated by Yaa Boateng. In Nursing in Ghana, 1–9."),
        "{}",
        chicago["Midwives without editors"]
    );
    assert!(
        chicago["The wretched of the earth"].contains("Edited by Jean-Paul Sartre. Translated by Richard Philcox."),
        "{}",
        chicago["The wretched of the earth"]
    );
    let mla = w.references("mla");
    assert_eq!(
        mla["Women in the plantation economy"],
        "Bush, Barbara. “Women in the Plantation Economy.” Translated by Ọlá Adébáyọ̀. Women in Caribbean History, \
         edited by Verene A. Shepherd, Ian Randle, 1999, pp. 10–25."
    );
    assert!(
        mla["Slave women in the Caribbean"].contains(
            "“Slave Women in the Caribbean.” Translated by Kofi Mensah. Caribbean Women's History, edited by"
        ),
        "{}",
        mla["Slave women in the Caribbean"]
    );
    for title in ["The wretched of the earth", "Decolonising the mind again"] {
        assert!(mla[title].contains(", translated by "), "{}", mla[title]);
        assert!(!mla[title].contains(", Translated by "), "{}", mla[title]);
    }
    assert!(
        mla["Black skin, white masks"].contains("Black Skin, White Masks. Translated by Charles Lam Markmann, Pluto"),
        "{}",
        mla["Black skin, white masks"]
    );
}

/// APA 7 (§10.2, §10.3) already puts each translator after its own title,
/// "(C. L. Markmann, Trans.)"; kept so.
#[test]
fn apa_translators_stay_after_their_titles() {
    let w = workdir();
    translated(&w);
    let apa = w.references("apa");
    assert_eq!(
        apa["Black skin, white masks"],
        "Fanon, F. (2008). Black skin, white masks (C. L. Markmann, Trans.). Pluto Press."
    );
    assert!(
        apa["Women in the plantation economy"]
            .contains("Women in the plantation economy (Ọ. Adébáyọ̀, Trans.). In V. A. Shepherd (Ed.), Women in"),
        "{}",
        apa["Women in the plantation economy"]
    );
    assert!(
        apa["The wretched of the earth"].contains("(J.-P. Sartre, Ed.; R. Philcox, Trans.)"),
        "{}",
        apa["The wretched of the earth"]
    );
    assert!(
        apa["Discourse on colonialism"].contains("(J. Pinkham & R. D. G. Kelley, Trans.)"),
        "{}",
        apa["Discourse on colonialism"]
    );
}

/// Translators beyond a style's limit for names are cut as its authors
/// are: Harvard "et al." after the first of four or more, MLA after the
/// first of three or more, Vancouver after six, APA and Chicago (up to 20
/// and 6 names) all of five; "et al." keeps one stop.
#[test]
fn many_translators_are_cut_as_authors_are() {
    let w = workdir();
    let t: Vec<String> = ["Aa", "Bb", "Cc", "Dd", "Ee", "Ff", "Gg", "Hh"]
        .iter()
        .zip(["Ann", "Ben", "Cy", "Di", "Ed", "Fay", "Gus", "Hal"])
        .map(|(f, g)| format!(r#"{{"family":"{f}","given":"{g}"}}"#))
        .collect();
    w.import_reading(
        "many.json",
        &format!(
            r#"[
 {{"id":"c5","type":"chapter","title":"Five hands chapter","author":[{{"family":"Okoro","given":"Ngozi"}}],"editor":[{{"family":"Shepherd","given":"Verene A."}}],"translator":[{}],"container-title":"Women in Caribbean history","publisher":"Ian Randle","publisher-place":"Kingston","page":"30-41","issued":{{"date-parts":[[1999]]}}}},
 {{"id":"b8","type":"book","title":"Eight hands book","author":[{{"family":"Okoro","given":"Ngozi"}}],"translator":[{}],"publisher":"Heinemann","publisher-place":"London","issued":{{"date-parts":[[1986]]}}}}
]"#,
            t[..5].join(","),
            t.join(",")
        ),
    );
    let harvard = w.references("harvard");
    assert!(
        harvard["Five hands chapter"].contains("’, translated by A. Aa et al., in Shepherd"),
        "{}",
        harvard["Five hands chapter"]
    );
    assert!(
        harvard["Eight hands book"].contains("Translated by A. Aa et al. London"),
        "{}",
        harvard["Eight hands book"]
    );
    let mla = w.references("mla");
    assert!(
        mla["Five hands chapter"].contains("” Translated by Ann Aa et al. Women in"),
        "{}",
        mla["Five hands chapter"]
    );
    assert!(!mla["Five hands chapter"].contains("et al.."), "{}", mla["Five hands chapter"]);
    let vancouver = w.references("vancouver");
    assert!(
        vancouver["Eight hands book"].contains("Aa A, Bb B, Cc C, Dd D, Ee E, Ff F, et al., translators."),
        "{}",
        vancouver["Eight hands book"]
    );
    assert!(
        vancouver["Five hands chapter"].contains("Aa A, Bb B, Cc C, Dd D, Ee E, translators. In:"),
        "{}",
        vancouver["Five hands chapter"]
    );
    let apa = w.references("apa");
    assert!(
        apa["Five hands chapter"].contains("(A. Aa, B. Bb, C. Cc, D. Dd, & E. Ee, Trans.)"),
        "{}",
        apa["Five hands chapter"]
    );
    let chicago = w.references("chicago");
    assert!(
        chicago["Five hands chapter"].contains("” Translated by Ann Aa, Ben Bb, Cy Cc, Di Dd, and Ed Ee. In Women"),
        "{}",
        chicago["Five hands chapter"]
    );
}

/// A conference poster's stored genre, from CSL-JSON, RIS, BibTeX and a
/// CSV's genre column: Harvard "[Poster]" after the title (Cite Them
/// Right); Chicago "Poster presented at the"; MLA the genre as the
/// description; APA "[Poster presentation]" as stored. Another genre is
/// printed as stored; a paper without one gets none in Harvard.
#[test]
fn a_posters_genre_is_printed_in_every_author_date_style() {
    let w = workdir();
    w.import_reading(
        "p.json",
        r#"[
 {"id":"post","type":"paper-conference","genre":"Poster presentation","title":"Respectful care in Trinidad","author":[{"family":"Ramsaran","given":"Devika"}],"event-title":"Caribbean Nursing Summit","event-place":"Port of Spain, Trinidad and Tobago","issued":{"date-parts":[[2022,3,4]]}},
 {"id":"key","type":"paper-conference","genre":"keynote address","title":"Care after empire","author":[{"family":"Beckles","given":"Hilary"}],"event-title":"Caribbean Nursing Summit","event-place":"Port of Spain, Trinidad and Tobago","issued":{"date-parts":[[2022,3,5]]}},
 {"id":"conf","type":"paper-conference","title":"Decolonising midwifery education in Ghana","author":[{"family":"Osei","given":"Akua"}],"event-title":"ICM Triennial Congress","event-place":"Bali, Indonesia","issued":{"date-parts":[[2023,6,11]]}}
]"#,
    );
    w.import_reading(
        "p.ris",
        "TY  - CPAPER\nAU  - Mensah, Kofi\nTI  - Midwife-led clinics in Accra\nT2  - West African Midwifery \
         Conference\nCY  - Accra, Ghana\nPY  - 2021\nM3  - Poster\nER  - \n",
    );
    w.import_reading(
        "p.bib",
        "@inproceedings{P1, author={Ama Owusu}, title={Postnatal care in Tamale}, booktitle={Ghana Nursing Summit}, \
         type={Poster presentation}, year={2020}}\n",
    );
    w.import_reading(
        "p.csv",
        "title,authors,year,type,genre,event\nCommunity health posters,\"Baptiste, Marie\",2019,conference-paper,Poster,\
         Caribbean Public Health Conference\n",
    );
    let harvard = w.references("harvard");
    assert_eq!(
        harvard["Respectful care in Trinidad"],
        "Ramsaran, D. (2022) ‘Respectful care in Trinidad’ [Poster], Caribbean Nursing Summit. Port of Spain, Trinidad \
         and Tobago, 4 March 2022."
    );
    for title in ["Midwife-led clinics in Accra", "Postnatal care in Tamale", "Community health posters"] {
        assert!(harvard[title].contains(&format!("‘{title}’ [Poster],")), "{}", harvard[title]);
    }
    assert!(
        harvard["Care after empire"].contains("‘Care after empire’ [Keynote address],"),
        "{}",
        harvard["Care after empire"]
    );
    let paper = &harvard["Decolonising midwifery education in Ghana"];
    assert!(paper.contains("‘Decolonising midwifery education in Ghana’, ICM"), "{paper}");
    let chicago = w.references("chicago");
    for title in ["Respectful care in Trinidad", "Midwife-led clinics in Accra", "Community health posters"] {
        assert!(chicago[title].contains("Poster presented at the"), "{}", chicago[title]);
    }
    let mla = w.references("mla");
    assert!(
        mla["Respectful care in Trinidad"].ends_with(" Poster presentation."),
        "{}",
        mla["Respectful care in Trinidad"]
    );
    assert!(mla["Midwife-led clinics in Accra"].ends_with(" Poster."), "{}", mla["Midwife-led clinics in Accra"]);
    let apa = w.references("apa");
    assert!(
        apa["Respectful care in Trinidad"].contains("[Poster presentation]"),
        "{}",
        apa["Respectful care in Trinidad"]
    );
    assert!(apa["Midwife-led clinics in Accra"].contains("[Poster]"), "{}", apa["Midwife-led clinics in Accra"]);
}
