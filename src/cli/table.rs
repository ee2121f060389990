//! Human tables for the terminal. Widths count what a terminal shows
//! (unicode-width), so Arabic and accented names line up.

use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

pub struct Table {
    headers: Vec<String>,
    aligns: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            headers: columns.iter().map(|(h, _)| h.to_string()).collect(),
            aligns: columns.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// A line under the body, such as a total, set off by a rule.
    pub fn render(&self, footer: Option<Vec<String>>) -> String {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in self.rows.iter().chain(footer.as_ref()) {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let mut out = String::new();
        self.line(&mut out, &self.headers, &widths);
        for row in &self.rows {
            self.line(&mut out, row, &widths);
        }
        if let Some(footer) = footer {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            self.line(&mut out, &rule, &widths);
            self.line(&mut out, &footer, &widths);
        }
        out
    }

    fn line(&self, out: &mut String, cells: &[String], widths: &[usize]) {
        let mut parts = Vec::with_capacity(cells.len());
        for ((cell, width), align) in cells.iter().zip(widths).zip(&self.aligns) {
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            parts.push(match align {
                Align::Left => format!("{cell}{pad}"),
                Align::Right => format!("{pad}{cell}"),
            });
        }
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    }
}
