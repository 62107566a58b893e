//! Writes the workbook samples from text the repository keeps, so they can
//! be made again and reviewed as a diff of this program:
//!
//!     cargo run --example sample_workbooks
//!
//! - `samples/modules.xlsx`: `samples/modules.csv` laid out the way a faculty
//!   office keeps it: a "Read me" sheet first, then the module list under a
//!   title row and a note row, its own headers ("Year of Study", "Module
//!   Code", "Teaching Session"…), years written "Year 1", module code and title
//!   merged down each module's rows, a blank row between years, and a
//!   formatted but empty column at the right.
//! - `tests/data/broken.xlsx`: a small workbook with a mistake of each kind
//!   (an empty module code, a year out of range, an unknown theme, a `#N/A`
//!   cell, a value in a column without a header), for the error test.
//!
//! - `tests/data/faculty.xlsx`: a small workbook with every quirk the
//!   reader handles (a notes sheet first, a merged title, numbers stored as
//!   numbers, "Year 2", a merged module block, a date, keywords, names in
//!   several scripts, a column canon does not read, an empty styled column).
//!   `tests/data/faculty.ods` and `faculty.xls` are LibreOffice's conversions of it:
//!   `libreoffice --headless --convert-to ods tests/data/faculty.xlsx` (and `xls`).
//!
//! The same input gives the same bytes (the creation date is fixed).

use std::error::Error;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

fn main() -> Result<(), Box<dyn Error>> {
    modules()?;
    broken()?;
    faculty()?;
    Ok(())
}

fn workbook() -> Result<Workbook, Box<dyn Error>> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2025, 9, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created).set_author("Faculty Office"));
    Ok(wb)
}

fn modules() -> Result<(), Box<dyn Error>> {
    let mut rows: Vec<csv::StringRecord> =
        csv::Reader::from_path("samples/modules.csv")?.records().collect::<Result<_, _>>()?;
    rows.retain(|r| r.len() >= 7);
    let mut wb = workbook()?;
    let readme = wb.add_worksheet();
    readme.set_name("Read me")?;
    readme.write_string(0, 0, "MBChB Medicine: module list for the 2025/26 curriculum review")?;
    readme.write_string(2, 0, "The module list is on the next sheet, one row per teaching session.")?;
    readme.write_string(3, 0, "Questions to the Faculty Office.")?;

    let ws = wb.add_worksheet();
    ws.set_name("Modules 2025-26")?;
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new().set_bold().set_background_color(0xD9E2F3);
    let merged = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let spare = Format::new().set_background_color(0xF2F2F2);
    ws.merge_range(0, 0, 0, 6, "Faculty of Medicine: MBChB module list 2025/26", &title)?;
    ws.write_string(1, 0, "Exported from the curriculum map on")?;
    ws.write_datetime_with_format(
        1,
        1,
        ExcelDateTime::from_ymd(2025, 9, 1)?,
        &Format::new().set_num_format("d mmmm yyyy"),
    )?;
    let headers = [
        "Programme",
        "Year of Study",
        "Module Code",
        "Module Title",
        "Teaching Session",
        "Learning Outcomes",
        "Audit Themes",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &head)?;
    }
    for (c, w) in [18.0, 12.0, 12.0, 36.0, 44.0, 70.0, 24.0, 10.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let mut r: u32 = 4;
    let mut i = 0;
    let mut last_year = String::new();
    while i < rows.len() {
        let code = rows[i][2].to_string();
        let year = rows[i][1].to_string();
        if !last_year.is_empty() && year != last_year {
            r += 1; // a blank row between years, as offices leave them
        }
        last_year = year.clone();
        let n = rows[i..].iter().take_while(|x| x[2] == code).count();
        let block = &rows[i..i + n];
        merge_down(ws, r, n as u32, 0, &block[0][0], &merged)?;
        merge_down(ws, r, n as u32, 1, &format!("Year {year}"), &merged)?;
        merge_down(ws, r, n as u32, 2, &code, &merged)?;
        merge_down(ws, r, n as u32, 3, &block[0][3], &merged)?;
        for (k, row) in block.iter().enumerate() {
            let rr = r + k as u32;
            ws.write_string_with_format(rr, 4, &row[4], &wrap)?;
            // Outcomes one per line in the cell, as typed with Alt+Enter.
            ws.write_string_with_format(rr, 5, row[5].split("; ").collect::<Vec<_>>().join("\n"), &wrap)?;
            if !row[6].is_empty() {
                ws.write_string(rr, 6, &row[6])?;
            }
            ws.write_blank(rr, 7, &spare)?;
        }
        r += n as u32;
        i += n;
    }
    ws.set_freeze_panes(4, 0)?;
    wb.save("samples/modules.xlsx")?;
    Ok(())
}

fn merge_down(ws: &mut Worksheet, r: u32, n: u32, c: u16, value: &str, f: &Format) -> Result<(), Box<dyn Error>> {
    if n > 1 {
        ws.merge_range(r, c, r + n - 1, c, value, f)?;
    } else {
        ws.write_string_with_format(r, c, value, f)?;
    }
    Ok(())
}

fn broken() -> Result<(), Box<dyn Error>> {
    let mut wb = workbook()?;
    let ws = wb.add_worksheet();
    ws.set_name("Modules")?;
    ws.write_string(0, 0, "Module list (draft)")?;
    for (c, h) in ["Programme", "Year", "Module Code", "Module Title", "Session", "Learning Outcomes", "Themes"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h)?;
    }
    let rows: [[&str; 7]; 5] = [
        ["MBChB Medicine", "1", "MED1001", "Foundations of Medicine", "Cell structure", "Describe the organelles", ""],
        [
            "MBChB Medicine",
            "1",
            "MED1001",
            "Foundations of Medicine",
            "Race and genetics",
            "Critique race as biology",
            "epistemic-bias",
        ],
        ["MBChB Medicine", "13", "MED1002", "Human Anatomy", "The thorax", "Describe the mediastinum", ""],
        ["MBChB Medicine", "2", "", "Respiratory System", "Pulse oximetry", "Explain oximetry", "decolonial-stuff"],
        ["MBChB Medicine", "2", "MED2003", "Renal System", "eGFR and race", "Evaluate eGFR equations", ""],
    ];
    for (k, row) in rows.iter().enumerate() {
        let r = 3 + k as u32;
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            match (c, v.parse::<f64>()) {
                (1, Ok(n)) => ws.write_number(r, c as u16, n)?,
                _ => ws.write_string(r, c as u16, *v)?,
            };
        }
    }
    // A lookup that failed: the cached value of the formula is #N/A.
    ws.write_formula(7, 3, "=VLOOKUP(\"MED2004\",A1:B2,2,FALSE)")?;
    ws.set_formula_result(7, 3, "#N/A");
    ws.write_string(7, 0, "MBChB Medicine")?;
    ws.write_number(7, 1, 2.0)?;
    ws.write_string(7, 2, "MED2004")?;
    ws.write_string(7, 4, "Acid-base balance")?;
    // Someone's note beside the table, in a column with no header.
    ws.write_string(4, 8, "check with Dr Osei")?;
    wb.save("tests/data/broken.xlsx")?;
    Ok(())
}

fn faculty() -> Result<(), Box<dyn Error>> {
    let mut wb = workbook()?;
    let notes = wb.add_worksheet();
    notes.set_name("Notes")?;
    notes.write_string(0, 0, "Draft for the curriculum committee; do not circulate.")?;
    let ws = wb.add_worksheet();
    ws.set_name("List")?;
    let top = Format::new().set_align(FormatAlign::Top);
    ws.merge_range(0, 0, 0, 6, "School of Medicine: modules under review", &Format::new().set_bold())?;
    let headers =
        ["Module Code", "Module Title", "Year of Study", "Session", "Learning Outcomes", "Keywords", "Date reviewed"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(2, c as u16, *h)?;
    }
    ws.merge_range(3, 0, 5, 0, "MED1001", &top)?;
    ws.merge_range(3, 1, 5, 1, "Foundations of Medicine", &top)?;
    ws.merge_range(3, 2, 5, 2, "", &top)?;
    ws.write_number_with_format(3, 2, 1.0, &top)?;
    ws.write_string(3, 3, "Cell structure")?;
    ws.write_string(3, 4, "Describe the organelles of the cell")?;
    ws.write_string(4, 3, "Race, genetics and ancestry")?;
    ws.write_string(4, 4, "Critique the use of race as a biological category\nExplain genetic ancestry")?;
    ws.write_string(4, 5, "Racism; Genetics")?;
    ws.write_string(5, 3, "الطب في العالم العربي 中医 history")?;
    ws.write_string(5, 4, "Describe the history of medicine beyond Europe")?;
    ws.write_string(7, 0, "MED2002")?;
    ws.write_string(7, 1, "Respiratory System")?;
    ws.write_string(7, 2, "Year 2")?;
    ws.write_string(7, 3, "Pulse oximetry and skin tone")?;
    ws.write_string(7, 4, "Explain how pulse oximeters estimate oxygen saturation")?;
    ws.write_string(7, 5, "Oximetry")?;
    ws.write_datetime_with_format(
        7,
        6,
        ExcelDateTime::from_ymd(2025, 3, 14)?,
        &Format::new().set_num_format("dd/mm/yyyy"),
    )?;
    for r in 3..9 {
        ws.write_blank(r, 7, &Format::new().set_background_color(0xFFF2CC))?;
    }
    wb.save("tests/data/faculty.xlsx")?;
    Ok(())
}
