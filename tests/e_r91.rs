//! Tester r91 F3, F4, F6: a series number that is no whole number printed
//! twice, a series' letter lowered by the styles' case, and Vancouver's
//! "[place unknown]: [publisher unknown];" left out once a date has a season.

mod common;
use common::*;

const SERIES: &str = "title,authors,year,type,publisher,place,series,series_number,issue
Alpha report,World Health Organization,2023,report,World Health Organization,Geneva,WHO Reproductive Health Series,23.1,
Beta report,World Health Organization,2023,report,World Health Organization,Geneva,Informes Técnicos,12/2020,
Gamma report,World Health Organization,2023,report,World Health Organization,Geneva,Série A,7,
Delta report,World Health Organization,2023,report,World Health Organization,Geneva,Series B,A-5,
Epsilon report,World Health Organization,2023,report,World Health Organization,Geneva,\"Cadernos de Saúde Pública, Série C\",Vol. 3,
Zeta report,World Health Organization,2023,report,World Health Organization,Geneva,Part A,2019/05,
Eta report,World Health Organization,2023,report,World Health Organization,Geneva,Technical Series,WHO/HIS/2019.1,
";

fn series_refs(style: &str) -> Vec<String> {
    let w = Workdir::new();
    w.import_reading("ser.csv", SERIES);
    let refs = w.references(style);
    ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta"]
        .iter()
        .map(|t| reference(&refs, &format!("{t} report")).to_string())
        .collect()
}

#[test]
fn stored_series_numbers_as_written() {
    let w = Workdir::new();
    w.import_reading("ser.csv", SERIES);
    let list = w.reading_list();
    assert_eq!(reading(&list, "Alpha")["series_number"], "23.1");
    assert_eq!(reading(&list, "Beta")["series_number"], "12/2020");
    assert_eq!(reading(&list, "Epsilon")["series"], "Cadernos de Saúde Pública, Série C");
    assert_eq!(reading(&list, "Eta")["series_number"], "WHO/HIS/2019.1");
}

const WHO: &str = "World Health Organization";

#[test]
fn vancouver_series_number_once() {
    let p = format!("Geneva: {WHO}; 2023.");
    assert_eq!(
        series_refs("vancouver"),
        [
            format!("{WHO}. Alpha report. {p} (WHO Reproductive Health Series; no. 23.1)."),
            format!("{WHO}. Beta report. {p} (Informes Técnicos; no. 12/2020)."),
            format!("{WHO}. Gamma report. {p} (Série A; no. 7)."),
            format!("{WHO}. Delta report. {p} (Series B; no. A-5)."),
            format!("{WHO}. Epsilon report. {p} (Cadernos de Saúde Pública, Série C; Vol. 3)."),
            format!("{WHO}. Zeta report. {p} (Part A; no. 2019/05)."),
            format!("{WHO}. Eta report. {p} (Technical Series; no. WHO/HIS/2019.1)."),
        ]
    );
}

#[test]
fn apa_series_number_once_and_series_as_written() {
    assert_eq!(
        series_refs("apa"),
        [
            format!("{WHO}. (2023a). Alpha report (WHO Reproductive Health Series No. 23.1)."),
            format!("{WHO}. (2023b). Beta report (Informes Técnicos No. 12/2020)."),
            format!("{WHO}. (2023f). Gamma report (Série A No. 7)."),
            format!("{WHO}. (2023c). Delta report (Series B No. A-5)."),
            format!("{WHO}. (2023d). Epsilon report (Cadernos de Saúde Pública, Série C Vol. 3)."),
            format!("{WHO}. (2023g). Zeta report (Part A No. 2019/05)."),
            format!("{WHO}. (2023e). Eta report (Technical Series No. WHO/HIS/2019.1)."),
        ]
    );
}

#[test]
fn chicago_series_number_once_and_series_as_written() {
    assert_eq!(
        series_refs("chicago"),
        [
            format!("{WHO}. 2023a. Alpha Report. WHO Reproductive Health Series 23.1. {WHO}."),
            format!("{WHO}. 2023b. Beta Report. Informes Técnicos 12/2020. {WHO}."),
            format!("{WHO}. 2023f. Gamma Report. Série A 7. {WHO}."),
            format!("{WHO}. 2023c. Delta Report. Series B A-5. {WHO}."),
            format!("{WHO}. 2023d. Epsilon Report. Cadernos de Saúde Pública, Série C Vol. 3. {WHO}."),
            format!("{WHO}. 2023g. Zeta Report. Part A 2019/05. {WHO}."),
            format!("{WHO}. 2023e. Eta Report. Technical Series WHO/HIS/2019.1. {WHO}."),
        ]
    );
}

#[test]
fn mla_series_number_once_and_series_as_written() {
    let p = format!("{WHO}, 2023.");
    assert_eq!(
        series_refs("mla"),
        [
            format!("{WHO}. Alpha Report. {p} WHO Reproductive Health Series 23.1."),
            format!("{WHO}. Beta Report. {p} Informes Técnicos 12/2020."),
            format!("{WHO}. Gamma Report. {p} Série A 7."),
            format!("{WHO}. Delta Report. {p} Series B A-5."),
            format!("{WHO}. Epsilon Report. {p} Cadernos de Saúde Pública, Série C Vol. 3."),
            format!("{WHO}. Zeta Report. {p} Part A 2019/05."),
            format!("{WHO}. Eta Report. {p} Technical Series WHO/HIS/2019.1."),
        ]
    );
}

#[test]
fn harvard_and_ama_series_number_once() {
    let p = format!("Geneva: {WHO}");
    assert_eq!(
        series_refs("harvard"),
        [
            format!("{WHO} (2023a) Alpha report. {p} (WHO Reproductive Health Series, 23.1)."),
            format!("{WHO} (2023b) Beta report. {p} (Informes Técnicos, 12/2020)."),
            format!("{WHO} (2023f) Gamma report. {p} (Série A, 7)."),
            format!("{WHO} (2023c) Delta report. {p} (Series B, A-5)."),
            format!("{WHO} (2023d) Epsilon report. {p} (Cadernos de Saúde Pública, Série C, Vol. 3)."),
            format!("{WHO} (2023g) Zeta report. {p} (Part A, 2019/05)."),
            format!("{WHO} (2023e) Eta report. {p} (Technical Series, WHO/HIS/2019.1)."),
        ]
    );
    let p = format!("{WHO}; 2023.");
    assert_eq!(
        series_refs("ama"),
        [
            format!("{WHO}. Alpha Report. WHO Reproductive Health Series no. 23.1. {p}"),
            format!("{WHO}. Beta Report. Informes Técnicos no. 12/2020. {p}"),
            format!("{WHO}. Gamma Report. Série A no. 7. {p}"),
            format!("{WHO}. Delta Report. Series B no. A-5. {p}"),
            format!("{WHO}. Epsilon Report. Cadernos de Saúde Pública, Série C Vol. 3. {p}"),
            format!("{WHO}. Zeta Report. Part A no. 2019/05. {p}"),
            format!("{WHO}. Eta Report. Technical Series no. WHO/HIS/2019.1. {p}"),
        ]
    );
}

#[test]
fn vancouver_unknown_publisher_with_season_or_month() {
    let w = Workdir::new();
    w.import_reading(
        "season.csv",
        "title,authors,year,month,type,season,publisher,place
Relatório de gestão,Ministério da Saúde,2017,,report,summer,,
Relatório anual,Ministério da Saúde,2018,,report,,,
Boletim de inverno,Ministério da Saúde,2019,,report,winter,Ministério da Saúde,Brasília
Boletim de outono,Ministério da Saúde,2020,,report,autumn,,Brasília
Manual de março,Ministério da Saúde,2021,3,report,,,
",
    );
    let refs = w.references("vancouver");
    let m = "Ministério da Saúde";
    let none = "[place unknown]: [publisher unknown];";
    assert_eq!(reference(&refs, "Relatório de gestão"), format!("{m}. Relatório de gestão. {none} 2017 Summer."));
    assert_eq!(reference(&refs, "Relatório anual"), format!("{m}. Relatório anual. {none} 2018."));
    assert_eq!(reference(&refs, "Boletim de inverno"), format!("{m}. Boletim de inverno. Brasília: {m}; 2019 Winter."));
    assert_eq!(
        reference(&refs, "Boletim de outono"),
        format!("{m}. Boletim de outono. Brasília: [publisher unknown]; 2020 Fall.")
    );
    assert_eq!(reference(&refs, "Manual de março"), format!("{m}. Manual de março. {none} 2021 Mar."));
}

#[test]
fn vancouver_unknown_publisher_with_season_from_csl_json() {
    let w = Workdir::new();
    w.import_reading(
        "dates.json",
        r#"[{"id":"r1","type":"report","title":"Relatório de gestão","author":[{"literal":"Ministério da Saúde"}],
            "issued":{"date-parts":[["2017"]],"season":"2"}}]"#,
    );
    let refs = w.references("vancouver");
    assert_eq!(
        reference(&refs, "Relatório de gestão"),
        "Ministério da Saúde. Relatório de gestão. [place unknown]: [publisher unknown]; 2017 Summer."
    );
}
