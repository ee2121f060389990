//! Reading a spreadsheet saved as CSV: UTF-8 with or without a byte-order
//! mark, separated by commas, or by semicolons as Belgian spreadsheet
//! programs write them (with a decimal comma), or by tabs. The separator
//! is taken from the header line unless the caller chooses it.
//!
//! Bytes are read as bytes, so a cell that is not valid UTF-8 becomes a
//! problem on its own line instead of stopping the whole file. Columns
//! are found by their name in the header, in any order and any case.

use std::collections::HashMap;

use super::{words, Problem};

/// A column the importer knows: its name and whether it must be there.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

pub const fn required(name: &'static str) -> Column {
    Column {
        name,
        required: true,
    }
}

pub const fn optional(name: &'static str) -> Column {
    Column {
        name,
        required: false,
    }
}

/// One line of the file after the header. A cell is None when its bytes
/// are not UTF-8 (already reported); empty cells are empty strings.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    cells: Vec<Option<String>>,
}

/// A cell as a parser sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// No such column in the header, or nothing written in it.
    Empty,
    /// Not valid UTF-8; the problem is already reported.
    Unreadable,
    Text(&'a str),
}

#[derive(Debug)]
pub struct Sheet {
    pub delimiter: u8,
    /// Where each known column is.
    positions: HashMap<&'static str, usize>,
    /// Header names akker does not know; they are left out, and the
    /// import says so.
    pub ignored_columns: Vec<String>,
    pub rows: Vec<Row>,
}

impl Sheet {
    pub fn cell<'a>(&self, row: &'a Row, column: &str) -> Cell<'a> {
        let Some(&index) = self.positions.get(column) else {
            return Cell::Empty;
        };
        match row.cells.get(index) {
            Some(Some(text)) if text.is_empty() => Cell::Empty,
            Some(Some(text)) => Cell::Text(text),
            Some(None) => Cell::Unreadable,
            None => Cell::Empty,
        }
    }

    pub fn has_column(&self, column: &str) -> bool {
        self.positions.contains_key(column)
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads `bytes` as a sheet with a header naming `columns`. Returns the
/// sheet and the problems of single lines, or only problems when the
/// file as a whole cannot be read (no header, a required column missing).
pub fn read(
    bytes: &[u8],
    delimiter: Option<u8>,
    columns: &[Column],
) -> Result<(Sheet, Vec<Problem>), Vec<Problem>> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(bytes));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(err)) => {
            return Err(vec![Problem::at(
                1,
                None,
                format!("the header cannot be read: {err}"),
            )])
        }
        None => {
            return Err(vec![Problem::file(
                "the file is empty; it needs a header line naming the columns",
            )])
        }
    };
    let (positions, ignored_columns, width) = header_positions(&header, columns)?;
    let lines = LineIndex::new(bytes);
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for record in records {
        match record {
            Ok(record) => {
                let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
                if let Some(row) = row_of(&record, line, width, &header, &mut problems) {
                    rows.push(row);
                }
            }
            Err(err) => {
                let line = lines.line_at(err.position().map_or(0, |p| p.byte()));
                problems.push(Problem::at(
                    line,
                    None,
                    format!("this line cannot be read: {err}"),
                ));
            }
        }
    }
    Ok((
        Sheet {
            delimiter,
            positions,
            ignored_columns,
            rows,
        },
        problems,
    ))
}

/// The separator a spreadsheet used, from the header line: whichever of
/// `;`, `,` and tab occurs most outside quotes (a comma on a tie).
pub fn detect_delimiter(bytes: &[u8]) -> u8 {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in header {
        if byte == b'"' {
            quoted = !quoted;
        }
        if let Some(count) = counts
            .iter_mut()
            .find(|(d, _)| *d == byte)
            .filter(|_| !quoted)
        {
            count.1 += 1;
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

type Positions = (HashMap<&'static str, usize>, Vec<String>, usize);

fn header_positions(
    header: &csv::ByteRecord,
    columns: &[Column],
) -> Result<Positions, Vec<Problem>> {
    let mut positions = HashMap::new();
    let mut ignored = Vec::new();
    let mut problems = Vec::new();
    for (index, raw) in header.iter().enumerate() {
        let Ok(text) = std::str::from_utf8(raw) else {
            problems.push(Problem::at(
                1,
                None,
                format!(
                    "header cell {} is not UTF-8 text; {SAVE_AS_UTF8}",
                    index + 1
                ),
            ));
            continue;
        };
        let text = unescape_formula(text.trim());
        let found = words::column(text, columns.iter().map(|c| c.name))
            .and_then(|name| columns.iter().find(|c| c.name == name));
        match found {
            Some(column) if positions.contains_key(column.name) => {
                problems.push(Problem::at(
                    1,
                    Some(column.name),
                    format!(
                        "'{text}' names the column {} a second time; keep one",
                        column.name
                    ),
                ));
            }
            Some(column) => {
                positions.insert(column.name, index);
            }
            None if text.is_empty() => {}
            None => ignored.push(text.to_string()),
        }
    }
    let missing: Vec<&str> = columns
        .iter()
        .filter(|c| c.required && !positions.contains_key(c.name))
        .map(|c| c.name)
        .collect();
    if !missing.is_empty() {
        let not_understood = if ignored.is_empty() {
            String::new()
        } else {
            format!(
                "; akker did not understand the column(s) {}",
                quote_list(&ignored.iter().map(String::as_str).collect::<Vec<_>>())
            )
        };
        problems.push(Problem::at(
            1,
            None,
            format!(
                "the header has no column {}{not_understood}. The first line must name the columns {} (in English, Dutch, \
                 French, Arabic or Turkish; see docs/treasurer-guide.md)",
                quote_list(&missing),
                expected_columns(columns)
            ),
        ));
    }
    if problems.is_empty() {
        Ok((positions, ignored, header.len()))
    } else {
        Err(problems)
    }
}

/// "date (datum, تاريخ, tarih), from (van, ...), ..., [skill], ...":
/// the columns a file of this kind has, optional ones in brackets.
fn expected_columns(columns: &[Column]) -> String {
    columns
        .iter()
        .map(|c| {
            let others = words::other_names(c.name);
            let name = if others.is_empty() {
                c.name.to_string()
            } else {
                format!("{} ({})", c.name, others.join(", "))
            };
            if c.required {
                name
            } else {
                format!("[{name}]")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A cell written on several lines in the spreadsheet (Alt+Enter) is
/// read as one line, each line break a space: no text akker keeps may
/// hold a line break, and the treasurer meant the words, not the break.
fn one_line(text: &str) -> String {
    if !text.contains(['\n', '\r']) {
        return text.to_string();
    }
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when a spreadsheet would read a cell with this text as a formula.
pub fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `akker export csv` writes `'=...` for a text beginning like a formula
/// (and spreadsheets show such cells as `=...`); the apostrophe is not
/// part of the text.
fn unescape_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) => rest,
        _ => text,
    }
}

pub const SAVE_AS_UTF8: &str = "save the file again as \"CSV UTF-8\" in your spreadsheet program";

/// Checks a line's shape and decodes its cells. Lines with nothing in
/// them (spreadsheets write `;;;;` for an empty row) are skipped.
fn row_of(
    record: &csv::ByteRecord,
    line: u64,
    width: usize,
    header: &csv::ByteRecord,
    problems: &mut Vec<Problem>,
) -> Option<Row> {
    if record
        .iter()
        .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
    {
        return None;
    }
    let extra_cells_empty = record
        .iter()
        .skip(width)
        .all(|cell| cell.iter().all(u8::is_ascii_whitespace));
    if record.len() < width || !extra_cells_empty {
        let advice = if record.len() < width {
            "a value or a separator is missing"
        } else {
            "a value may contain the separator; put quotes around it"
        };
        problems.push(Problem::at(
            line,
            None,
            format!(
                "this line has {} columns but the header has {width}; {advice}",
                record.len()
            ),
        ));
        return None;
    }
    let mut cells = Vec::with_capacity(width);
    for (index, raw) in record.iter().take(width).enumerate() {
        match std::str::from_utf8(raw) {
            Ok(text) => cells.push(Some(one_line(unescape_formula(text.trim())))),
            Err(_) => {
                let column = header
                    .get(index)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .map(|h| h.trim().to_string());
                problems.push(Problem::at(
                    line,
                    column.as_deref(),
                    format!("this cell is not UTF-8 text; {SAVE_AS_UTF8}"),
                ));
                cells.push(None);
            }
        }
    }
    Some(Row { line, cells })
}

/// Line numbers as the spreadsheet shows its rows, from byte offsets: a
/// line break inside a quoted cell (a note written on two lines) does not
/// start a new row, and `\r\n`, a lone `\n` and an empty line count the
/// way spreadsheets count them. (The csv reader's own line count counts
/// the breaks inside cells too.)
struct LineIndex<'a> {
    bytes: &'a [u8],
    /// Offsets of the line breaks that end a row (outside quotes).
    newlines: Vec<u64>,
}

impl<'a> LineIndex<'a> {
    fn new(bytes: &'a [u8]) -> LineIndex<'a> {
        let mut quoted = false;
        let mut newlines = Vec::new();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'"' => quoted = !quoted,
                b'\n' if !quoted => newlines.push(i as u64),
                _ => {}
            }
        }
        LineIndex { bytes, newlines }
    }

    /// The 1-based row on which the record starting at `offset` stands.
    /// The reader may place a record's start on the line ending before it
    /// (after a `\r`, or at empty lines), so those bytes are skipped first.
    fn line_at(&self, offset: u64) -> u64 {
        let start = self
            .bytes
            .iter()
            .skip(offset as usize)
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count() as u64
            + offset;
        self.newlines.partition_point(|&n| n < start) as u64 + 1
    }
}

pub fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[required("id"), required("name"), optional("kind")];

    #[test]
    fn detects_the_separator_from_the_header() {
        assert_eq!(detect_delimiter(b"id;name;kind\nM1;a,b;person"), b';');
        assert_eq!(detect_delimiter(b"id,name\n"), b',');
        assert_eq!(detect_delimiter(b"id\tname\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;b\",c\n"), b',');
    }

    #[test]
    fn reads_bom_semicolons_and_any_header_case() {
        let (sheet, problems) = read(
            b"\xEF\xBB\xBFID;Name;Extra\nM1;Zo\xC3\xAB;x\n;;\n",
            None,
            COLUMNS,
        )
        .unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.cell(&sheet.rows[0], "name"), Cell::Text("Zoë"));
        assert_eq!(sheet.cell(&sheet.rows[0], "kind"), Cell::Empty);
        assert_eq!(sheet.ignored_columns, vec!["Extra".to_string()]);
    }

    #[test]
    fn reports_short_lines_and_bad_bytes_by_line() {
        let (sheet, problems) = read(b"id,name\nM1\nM2,Caf\xE9\nM3,ok\n", None, COLUMNS).unwrap();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(
            (problems[1].line, problems[1].column.as_deref()),
            (Some(3), Some("name"))
        );
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.cell(&sheet.rows[0], "name"), Cell::Unreadable);
    }

    #[test]
    fn line_numbers_are_the_spreadsheets_rows() {
        let (sheet, _) = read(
            b"id;name\r\nM1;a\r\n\r\nM2;\"two\r\nlines\"\r\nM3;c\r\n",
            None,
            COLUMNS,
        )
        .unwrap();
        let lines: Vec<u64> = sheet.rows.iter().map(|r| r.line).collect();
        // Row 3 is empty; row 4 holds a cell written on two lines.
        assert_eq!(lines, vec![2, 4, 5]);
    }

    #[test]
    fn a_missing_required_column_stops_the_file() {
        let problems = read(b"id,kind\nM1,person\n", None, COLUMNS).unwrap_err();
        assert!(
            problems[0].message.contains("'name'"),
            "{}",
            problems[0].message
        );
    }
}
